/* classify: runs a GhostNet compiled by ghostc on one image and prints the
 * top-5 classes and the latency.
 *
 *   classify IMAGE.ppm [RUNS]
 *
 * IMAGE is a binary PPM (P6, 8-bit). It is resized bilinearly to the model's
 * input size and normalised with the ImageNet mean and deviation. RUNS timed
 * calls (default 30) give the median and the fastest latency. */
#include "ghostnet.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Reads the next header number of a PPM, skipping white space and comments. */
static int ppm_number(FILE *file, long *value) {
  int c;
  while ((c = fgetc(file)) != EOF) {
    if (c == '#') {
      while ((c = fgetc(file)) != EOF && c != '\n')
        ;
    } else if (!isspace(c)) {
      break;
    }
  }
  if (c == EOF || !isdigit(c))
    return 0;
  *value = c - '0';
  while ((c = fgetc(file)) != EOF && isdigit(c))
    *value = *value * 10 + (c - '0');
  return *value < 100000;
}

/* Reads an 8-bit binary PPM; returns RGB bytes, NULL on error. */
static unsigned char *read_ppm(const char *path, long *width, long *height) {
  FILE *file = fopen(path, "rb");
  if (!file) {
    fprintf(stderr, "classify: cannot open %s\n", path);
    return NULL;
  }
  long maxval = 0;
  unsigned char *rgb = NULL;
  if (fgetc(file) != 'P' || fgetc(file) != '6' || !ppm_number(file, width) ||
      !ppm_number(file, height) || !ppm_number(file, &maxval) ||
      maxval != 255 || *width <= 0 || *height <= 0) {
    fprintf(stderr, "classify: %s is not an 8-bit binary PPM (P6)\n", path);
  } else {
    size_t size = (size_t)*width * (size_t)*height * 3;
    rgb = malloc(size);
    if (fread(rgb, 1, size, file) != size) {
      fprintf(stderr, "classify: %s is truncated\n", path);
      free(rgb);
      rgb = NULL;
    }
  }
  fclose(file);
  return rgb;
}

/* Bilinear resize to the model's input and ImageNet normalisation, NCHW. */
static void preprocess(const unsigned char *rgb, long width, long height,
                       float *out, long out_h, long out_w) {
  static const float mean[3] = {0.485f, 0.456f, 0.406f};
  static const float stddev[3] = {0.229f, 0.224f, 0.225f};
  for (long y = 0; y < out_h; ++y) {
    float sy = fmaxf(0.0f, (y + 0.5f) * height / out_h - 0.5f);
    long y0 = (long)sy, y1 = y0 + 1 < height ? y0 + 1 : y0;
    float fy = sy - y0;
    for (long x = 0; x < out_w; ++x) {
      float sx = fmaxf(0.0f, (x + 0.5f) * width / out_w - 0.5f);
      long x0 = (long)sx, x1 = x0 + 1 < width ? x0 + 1 : x0;
      float fx = sx - x0;
      for (int c = 0; c < 3; ++c) {
        float top = rgb[(y0 * width + x0) * 3 + c] * (1 - fx) +
                    rgb[(y0 * width + x1) * 3 + c] * fx;
        float bottom = rgb[(y1 * width + x0) * 3 + c] * (1 - fx) +
                       rgb[(y1 * width + x1) * 3 + c] * fx;
        float value = (top * (1 - fy) + bottom * fy) / 255.0f;
        out[(c * out_h + y) * out_w + x] = (value - mean[c]) / stddev[c];
      }
    }
  }
}

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int compare_doubles(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  if (argc < 2 || argc > 3) {
    fprintf(stderr, "usage: classify IMAGE.ppm [RUNS]\n");
    return 1;
  }
  int runs = argc == 3 ? atoi(argv[2]) : 30;
  if (runs < 1) {
    fprintf(stderr, "classify: RUNS must be a positive number\n");
    return 1;
  }
  long width, height;
  unsigned char *rgb = read_ppm(argv[1], &width, &height);
  if (!rgb)
    return 1;

  const int64_t *shape = ghostnet_input0_shape; /* N, 3, H, W */
  const int64_t *out_shape = ghostnet_output0_shape; /* N, classes */
  float *input = calloc(GHOSTNET_INPUT0_SIZE, sizeof(float));
  float *logits = calloc(GHOSTNET_OUTPUT0_SIZE, sizeof(float));
  size_t workspace_bytes = (ghostnet_workspace_size() + 63) / 64 * 64;
  void *workspace = aligned_alloc(64, workspace_bytes ? workspace_bytes : 64);
  preprocess(rgb, width, height, input, shape[2], shape[3]);

  const void *inputs[] = {input};
  void *outputs[] = {logits};
  double *times = malloc(runs * sizeof(double));
  for (int r = 0; r < runs; ++r) {
    double start = now_ms();
    if (ghostnet_run(inputs, outputs, workspace) != 0) {
      fprintf(stderr, "classify: ghostnet_run failed\n");
      return 1;
    }
    times[r] = now_ms() - start;
  }
  qsort(times, runs, sizeof(double), compare_doubles);

  /* Top-5 of the first image, with softmax probabilities. */
  long classes = (long)out_shape[1];
  double max_logit = logits[0], sum = 0;
  for (long i = 1; i < classes; ++i)
    max_logit = fmax(max_logit, logits[i]);
  for (long i = 0; i < classes; ++i)
    sum += exp(logits[i] - max_logit);
  int taken[5] = {-1, -1, -1, -1, -1};
  printf("top-5 of %s (%ldx%ld):\n", argv[1], width, height);
  for (int k = 0; k < 5 && k < classes; ++k) {
    long best = -1;
    for (long i = 0; i < classes; ++i) {
      int used = 0;
      for (int j = 0; j < k; ++j)
        used |= taken[j] == i;
      if (!used && (best < 0 || logits[i] > logits[best]))
        best = i;
    }
    taken[k] = (int)best;
    printf("  %d. class %4ld  p = %.4f  (logit %.4f)\n", k + 1, best,
           exp(logits[best] - max_logit) / sum, logits[best]);
  }
  printf("latency over %d runs, 1 thread: median %.2f ms, fastest %.2f ms\n",
         runs, times[runs / 2], times[0]);
  free(times);
  free(workspace);
  free(logits);
  free(input);
  free(rgb);
  return 0;
}
