// The engine's hot elementwise loops in C, compiled for several vector extensions and chosen on first call:
// Swift compiles for the x86-64 baseline (SSE2, 4 floats per instruction); these run 16 wide on AVX-512 machines.
// BENCHMARKS.md ("Engine speed on an AVX-512 machine") has the measurement.
//
// The choice is made at run time through a function pointer, not with target_clones: an ifunc resolver runs while
// the loader relocates, before a sanitizer runtime is initialised, and the ThreadSanitizer build crashed there.
#include "vector_math.h"

#include <stdatomic.h>
#if defined(__x86_64__) && defined(__clang__)
#include <immintrin.h>
#endif

static inline float clampf(float x, float lo, float hi) { return x < lo ? lo : (x > hi ? hi : x); }

static inline __attribute__((always_inline)) float fast_tanh(float value) {
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

static inline __attribute__((always_inline)) void tanh_affine_loop(const float *src, float *dst, ptrdiff_t count,
                                                                    float clip, float scale, float outScale,
                                                                    float outShift) {
    for (ptrdiff_t i = 0; i < count; i++) {
        dst[i] = outShift + outScale * fast_tanh(scale * clampf(src[i], -clip, clip));
    }
}

typedef void (*tanh_affine_function)(const float *, float *, ptrdiff_t, float, float, float, float);

static void tanh_affine_baseline(const float *src, float *dst, ptrdiff_t count, float clip, float scale,
                                 float outScale, float outShift) {
    tanh_affine_loop(src, dst, count, clip, scale, outScale, outShift);
}

#if defined(__x86_64__) && defined(__clang__)
__attribute__((target("avx2,fma"))) static void tanh_affine_avx2(const float *src, float *dst, ptrdiff_t count,
                                                                  float clip, float scale, float outScale,
                                                                  float outShift) {
    tanh_affine_loop(src, dst, count, clip, scale, outScale, outShift);
}

// fast_tanh 16 wide, with the division (a vdivps on 16 lanes costs as much as the rest of the loop; it was a fifth of
// an LSTM's time at batch 256) replaced by the reciprocal estimate and one Newton step, accurate to about one ulp.
// The comparisons are the scalar code's, so NaN passes through both clamps as it does there.
__attribute__((target("avx512f"))) static void tanh_affine_avx512(const float *src, float *dst, ptrdiff_t count,
                                                                   float clip, float scale, float outScale,
                                                                   float outShift) {
    const __m512 lo = _mm512_set1_ps(-clip), hi = _mm512_set1_ps(clip);
    const __m512 bound = _mm512_set1_ps(7.90531110763549805f), negativeBound = _mm512_set1_ps(-7.90531110763549805f);
    const __m512 vScale = _mm512_set1_ps(scale), vOutScale = _mm512_set1_ps(outScale);
    const __m512 vOutShift = _mm512_set1_ps(outShift), two = _mm512_set1_ps(2.0f), small = _mm512_set1_ps(0.0004f);
    ptrdiff_t i = 0;
    for (; i + 16 <= count; i += 16) {
        __m512 s = _mm512_loadu_ps(src + i);
        s = _mm512_mask_blend_ps(_mm512_cmp_ps_mask(s, lo, _CMP_LT_OQ), s, lo);
        s = _mm512_mask_blend_ps(_mm512_cmp_ps_mask(s, hi, _CMP_GT_OQ), s, hi);
        const __m512 value = _mm512_mul_ps(vScale, s);
        __m512 x = _mm512_mask_blend_ps(_mm512_cmp_ps_mask(value, negativeBound, _CMP_LT_OQ), value, negativeBound);
        x = _mm512_mask_blend_ps(_mm512_cmp_ps_mask(x, bound, _CMP_GT_OQ), x, bound);
        const __m512 x2 = _mm512_mul_ps(x, x);
        __m512 p = _mm512_set1_ps(-2.76076847742355e-16f);
        p = _mm512_fmadd_ps(p, x2, _mm512_set1_ps(2.00018790482477e-13f));
        p = _mm512_fmadd_ps(p, x2, _mm512_set1_ps(-8.60467152213735e-11f));
        p = _mm512_fmadd_ps(p, x2, _mm512_set1_ps(5.12229709037114e-08f));
        p = _mm512_fmadd_ps(p, x2, _mm512_set1_ps(1.48572235717979e-05f));
        p = _mm512_fmadd_ps(p, x2, _mm512_set1_ps(6.37261928875436e-04f));
        p = _mm512_fmadd_ps(p, x2, _mm512_set1_ps(4.89352455891786e-03f));
        p = _mm512_mul_ps(p, x);
        __m512 q = _mm512_set1_ps(1.19825839466702e-06f);
        q = _mm512_fmadd_ps(q, x2, _mm512_set1_ps(1.18534705686654e-04f));
        q = _mm512_fmadd_ps(q, x2, _mm512_set1_ps(2.26843463243900e-03f));
        q = _mm512_fmadd_ps(q, x2, _mm512_set1_ps(4.89352518554385e-03f));
        __m512 r = _mm512_rcp14_ps(q);
        r = _mm512_mul_ps(r, _mm512_fnmadd_ps(q, r, two));
        __m512 t = _mm512_mul_ps(p, r);
        t = _mm512_mask_blend_ps(_mm512_cmp_ps_mask(_mm512_abs_ps(value), small, _CMP_LT_OQ), t, value);
        _mm512_storeu_ps(dst + i, _mm512_fmadd_ps(vOutScale, t, vOutShift));
    }
    tanh_affine_loop(src + i, dst + i, count - i, clip, scale, outScale, outShift);
}
#endif

static tanh_affine_function pick_tanh_affine(void) {
#if defined(__x86_64__) && defined(__clang__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) return tanh_affine_avx512;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return tanh_affine_avx2;
#endif
    return tanh_affine_baseline;
}

// Every thread that finds it unset picks the same function; relaxed atomics keep that benign for the sanitizers.
static _Atomic(tanh_affine_function) chosen_tanh_affine = NULL;

void airisk_tanh_affine(const float *src, float *dst, ptrdiff_t count, float clip, float scale, float outScale,
                        float outShift) {
    tanh_affine_function function = atomic_load_explicit(&chosen_tanh_affine, memory_order_relaxed);
    if (function == NULL) {
        function = pick_tanh_affine();
        atomic_store_explicit(&chosen_tanh_affine, function, memory_order_relaxed);
    }
    function(src, dst, count, clip, scale, outScale, outShift);
}
