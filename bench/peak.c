// The single-core f32 multiply-add peak of the machine that runs it, in
// GFLOP/s (bench/run.sh's share of peak): 16 independent chains of vector
// multiply-adds on registers, in the widest vectors -march=native gives
// (64 bytes with AVX-512), for about 0.2 s after a warm-up; the best of 5.
// Prints one number.
//
//   cc -O2 -march=native -ffp-contract=fast bench/peak.c -o peak && ./peak
#include <stdio.h>
#include <time.h>

#if defined(__AVX512F__)
#define LANES 16
#elif defined(__AVX__)
#define LANES 8
#else
#define LANES 4
#endif
typedef float vec __attribute__((vector_size(LANES * 4)));

static double seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

// `iterations` steps of 16 multiply-adds of LANES lanes each; returns a
// sum, so that nothing is optimised away.
static float run(long iterations, volatile float *seed) {
  vec a = {0}, b = {0};
  for (int l = 0; l < LANES; ++l) {
    a[l] = 1.0f - *seed * 1e-9f;
    b[l] = *seed * 1e-7f;
  }
#define CHAIN(c, k) vec c = a * (float)(k + 1);
  CHAIN(c0, 0) CHAIN(c1, 1) CHAIN(c2, 2) CHAIN(c3, 3) CHAIN(c4, 4)
  CHAIN(c5, 5) CHAIN(c6, 6) CHAIN(c7, 7) CHAIN(c8, 8) CHAIN(c9, 9)
  CHAIN(c10, 10) CHAIN(c11, 11) CHAIN(c12, 12) CHAIN(c13, 13)
  CHAIN(c14, 14) CHAIN(c15, 15)
  for (long i = 0; i < iterations; ++i) {
    c0 = c0 * a + b; c1 = c1 * a + b; c2 = c2 * a + b; c3 = c3 * a + b;
    c4 = c4 * a + b; c5 = c5 * a + b; c6 = c6 * a + b; c7 = c7 * a + b;
    c8 = c8 * a + b; c9 = c9 * a + b; c10 = c10 * a + b; c11 = c11 * a + b;
    c12 = c12 * a + b; c13 = c13 * a + b; c14 = c14 * a + b;
    c15 = c15 * a + b;
  }
  vec s = c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9 + c10 + c11 +
          c12 + c13 + c14 + c15;
  float sum = 0;
  for (int l = 0; l < LANES; ++l)
    sum += s[l];
  return sum;
}

int main(void) {
  volatile float seed = 1.0f;
  long iterations = 1 << 21;
  float sink = run(iterations, &seed);
  double best = 0;
  for (int repeat = 0; repeat < 5; ++repeat) {
    double start = seconds();
    sink += run(iterations, &seed);
    double rate = 2.0 * LANES * 16 * (double)iterations / (seconds() - start);
    if (rate > best)
      best = rate;
  }
  if (sink == 12345.0f)
    fprintf(stderr, "unlikely\n");
  printf("%.0f\n", best * 1e-9);
  return 0;
}
