/* Runs a model compiled by ghostc with --name=model on raw float32 inputs and
 * compares each output with a raw float32 reference.
 *
 *   run_model IN0.bin [IN1.bin ...] -- EXPECTED0.bin [EXPECTED1.bin ...]
 *
 * An output matches when max |output - expected| <= 1e-4 * max |expected|
 * and, for outputs with one row per image, the arg-max of every row agrees.
 * Prints the measured difference; exits 0 on a match, 1 otherwise. */
#include "model.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const int64_t *const input_shapes[] = {model_input0_shape};
static const size_t input_sizes[] = {MODEL_INPUT0_SIZE};
static const size_t output_sizes[] = {MODEL_OUTPUT0_SIZE};
static const int64_t *const output_shapes[] = {model_output0_shape};
static const int output_ranks[] = {MODEL_OUTPUT0_RANK};

static float *read_floats(const char *path, size_t count) {
  FILE *file = fopen(path, "rb");
  if (!file) {
    fprintf(stderr, "run_model: cannot open %s\n", path);
    exit(1);
  }
  float *data = malloc(count * sizeof(float));
  size_t got = fread(data, sizeof(float), count, file);
  if (got != count || fgetc(file) != EOF) {
    fprintf(stderr, "run_model: %s does not hold %zu floats\n", path, count);
    exit(1);
  }
  fclose(file);
  return data;
}

int main(int argc, char **argv) {
  if (argc != 2 + MODEL_NUM_INPUTS + MODEL_NUM_OUTPUTS ||
      strcmp(argv[1 + MODEL_NUM_INPUTS], "--") != 0) {
    fprintf(stderr, "usage: run_model IN.bin... -- EXPECTED.bin...\n");
    return 1;
  }
  (void)input_shapes;
  const void *inputs[MODEL_NUM_INPUTS];
  void *outputs[MODEL_NUM_OUTPUTS];
  for (int i = 0; i < MODEL_NUM_INPUTS; ++i)
    inputs[i] = read_floats(argv[1 + i], input_sizes[i]);
  for (int i = 0; i < MODEL_NUM_OUTPUTS; ++i)
    outputs[i] = calloc(output_sizes[i], sizeof(float));
  void *workspace = aligned_alloc(64, (model_workspace_size() + 63) / 64 * 64 + 64);

  if (model_run(NULL, outputs, workspace) == 0) {
    fprintf(stderr, "run_model: a NULL inputs array was accepted\n");
    return 1;
  }
  if (model_run(inputs, outputs, workspace) != 0) {
    fprintf(stderr, "run_model: model_run failed\n");
    return 1;
  }

  int ok = 1;
  for (int o = 0; o < MODEL_NUM_OUTPUTS; ++o) {
    const float *got = outputs[o];
    float *want = read_floats(argv[2 + MODEL_NUM_INPUTS + o], output_sizes[o]);
    double max_diff = 0, max_ref = 0;
    for (size_t i = 0; i < output_sizes[o]; ++i) {
      double diff = fabs((double)got[i] - want[i]);
      if (!(diff <= max_diff)) /* also catches NaN */
        max_diff = isnan(diff) ? INFINITY : diff;
      if (fabs(want[i]) > max_ref)
        max_ref = fabs(want[i]);
    }
    int top1 = 1;
    if (output_ranks[o] == 2) {
      int64_t rows = output_shapes[o][0], cols = output_shapes[o][1];
      for (int64_t r = 0; r < rows; ++r) {
        int64_t a = 0, b = 0;
        for (int64_t c = 1; c < cols; ++c) {
          if (got[r * cols + c] > got[r * cols + a]) a = c;
          if (want[r * cols + c] > want[r * cols + b]) b = c;
        }
        top1 &= a == b;
      }
    }
    double bound = 1e-4 * max_ref;
    printf("output %d: max |diff| = %.3g, bound = %.3g (1e-4 * max |ref| %.4g), "
           "top-1 %s\n",
           o, max_diff, bound, max_ref, top1 ? "agrees" : "DIFFERS");
    ok &= max_diff <= bound && top1;
  }
  printf("%s\n", ok ? "MATCH" : "MISMATCH");
  return ok ? 0 : 1;
}
