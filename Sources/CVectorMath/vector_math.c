// The engine's hot elementwise loops in C so they can be compiled for several vector extensions and picked at load
// time (function multiversioning): Swift compiles for the x86-64 baseline (SSE2, 4 floats per instruction), these
// run 16 wide on AVX-512 machines. BENCHMARKS.md ("Recurrent gates") has the measurement.
#include "vector_math.h"

#if defined(__x86_64__) && defined(__clang__)
#define AIRISK_VECTOR_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define AIRISK_VECTOR_CLONES
#endif

static inline float clampf(float x, float lo, float hi) { return x < lo ? lo : (x > hi ? hi : x); }

static inline float fast_tanh(float value) {
    const float bound = 7.90531110763549805f;
    float x = clampf(value, -bound, bound);
    float x2 = x * x;
    float p = -2.76076847742355e-16f;
    p = p * x2 + 2.00018790482477e-13f;
    p = p * x2 - 8.60467152213735e-11f;
    p = p * x2 + 5.12229709037114e-08f;
    p = p * x2 + 1.48572235717979e-05f;
    p = p * x2 + 6.37261928875436e-04f;
    p = p * x2 + 4.89352455891786e-03f;
    p = p * x;
    float q = 1.19825839466702e-06f;
    q = q * x2 + 1.18534705686654e-04f;
    q = q * x2 + 2.26843463243900e-03f;
    q = q * x2 + 4.89352518554385e-03f;
    float t = p / q;
    float magnitude = value < 0 ? -value : value;
    return magnitude < 0.0004f ? value : t;
}

AIRISK_VECTOR_CLONES
void airisk_tanh_affine(const float *src, float *dst, ptrdiff_t count, float clip, float scale, float outScale,
                        float outShift) {
    for (ptrdiff_t i = 0; i < count; i++) {
        dst[i] = outShift + outScale * fast_tanh(scale * clampf(src[i], -clip, clip));
    }
}
