/* Checks a model compiled by ghostc with --name=model as an application
 * embeds it: the documented argument errors, and concurrent calls.
 *
 *   stress_model [THREADS [RUNS]]
 *
 * Every buffer is malloc'ed at its exact size, so that a memory checker
 * (valgrind, or ASan's allocator for the harness) sees any access outside
 * the inputs, outputs and workspace. A NULL pointer must give 1 and a
 * workspace that is not 64-byte aligned 2, with the outputs untouched. Then
 * THREADS threads (default 4) each run the model RUNS times (default 3)
 * with their own workspace and outputs, and every result must equal the
 * single-threaded one bit for bit. Exits 0 when all holds. */
#include "model.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t workspace_bytes(void) {
  size_t size = model_workspace_size();
  return size ? size : 1;
}

static void *aligned_exact(size_t bytes) {
  void *p = NULL;
  if (posix_memalign(&p, 64, bytes) != 0) {
    fprintf(stderr, "stress_model: out of memory\n");
    exit(1);
  }
  return p;
}

static float *input;
static float *reference;
static int runs = 3;

static void *worker(void *arg) {
  (void)arg;
  float *output = malloc(MODEL_OUTPUT0_SIZE * sizeof(float));
  void *workspace = aligned_exact(workspace_bytes());
  const void *inputs[1] = {input};
  void *outputs[1] = {output};
  intptr_t mismatches = 0;
  for (int r = 0; r < runs; ++r) {
    memset(output, 0xff, MODEL_OUTPUT0_SIZE * sizeof(float));
    if (model_run(inputs, outputs, workspace) != 0 ||
        memcmp(output, reference, MODEL_OUTPUT0_SIZE * sizeof(float)) != 0)
      ++mismatches;
  }
  free(workspace);
  free(output);
  return (void *)mismatches;
}

int main(int argc, char **argv) {
  int threads = argc > 1 ? atoi(argv[1]) : 4;
  runs = argc > 2 ? atoi(argv[2]) : 3;
  if (MODEL_NUM_INPUTS != 1 || MODEL_NUM_OUTPUTS != 1 || threads < 1 ||
      threads > 64 || runs < 1) {
    fprintf(stderr, "usage: stress_model [THREADS [RUNS]] (one input, one output)\n");
    return 1;
  }
  input = malloc(MODEL_INPUT0_SIZE * sizeof(float));
  for (size_t i = 0; i < MODEL_INPUT0_SIZE; ++i)
    input[i] = (float)((i * 2654435761u) % 1000) / 500.0f - 1.0f;
  reference = malloc(MODEL_OUTPUT0_SIZE * sizeof(float));
  void *workspace = aligned_exact(workspace_bytes() + 64);
  const void *inputs[1] = {input};
  const void *no_input[1] = {NULL};
  void *outputs[1] = {reference};
  void *no_output[1] = {NULL};

  /* Argument errors: documented statuses, outputs untouched. */
  memset(reference, 0x5a, MODEL_OUTPUT0_SIZE * sizeof(float));
  int null_inputs = model_run(NULL, outputs, workspace);
  int null_input = model_run(no_input, outputs, workspace);
  int null_outputs = model_run(inputs, NULL, workspace);
  int null_output = model_run(inputs, no_output, workspace);
  int null_workspace = model_workspace_size() ? model_run(inputs, outputs, NULL) : 1;
  int misaligned = model_workspace_size()
                       ? model_run(inputs, outputs, (char *)workspace + 16) : 2;
  int untouched = 1;
  for (size_t i = 0; i < MODEL_OUTPUT0_SIZE * sizeof(float); ++i)
    untouched &= ((unsigned char *)reference)[i] == 0x5a;
  printf("NULL inputs %d, NULL input %d, NULL outputs %d, NULL output %d, "
         "NULL workspace %d, misaligned workspace %d, outputs %s\n",
         null_inputs, null_input, null_outputs, null_output, null_workspace,
         misaligned, untouched ? "untouched" : "WRITTEN");
  int ok = null_inputs == 1 && null_input == 1 && null_outputs == 1 &&
           null_output == 1 && null_workspace == 1 && misaligned == 2 && untouched;
  free(workspace);

  /* The single-threaded reference, then the threads. */
  workspace = aligned_exact(workspace_bytes());
  if (model_run(inputs, outputs, workspace) != 0) {
    fprintf(stderr, "stress_model: model_run failed\n");
    return 1;
  }
  free(workspace);
  pthread_t ids[64];
  for (int t = 0; t < threads; ++t)
    pthread_create(&ids[t], NULL, worker, NULL);
  intptr_t mismatches = 0;
  for (int t = 0; t < threads; ++t) {
    void *result;
    pthread_join(ids[t], &result);
    mismatches += (intptr_t)result;
  }
  printf("%d threads x %d runs: %ld results differ from the single-threaded one\n",
         threads, runs, (long)mismatches);
  ok &= mismatches == 0;
  free(reference);
  free(input);
  printf("%s\n", ok ? "OK" : "FAILED");
  return ok ? 0 : 1;
}
