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

#if defined(__x86_64__) && defined(__clang__)
// The sums of 16 vectors, lane r of the result holding s[r]'s: pairs within 128-bit lanes, then across them.
__attribute__((target("avx512f"))) static inline __m512 sum16(const __m512 s[16]) {
    __m512 t[8], u[4];
    for (int p = 0; p < 8; p++) {
        t[p] = _mm512_add_ps(_mm512_unpacklo_ps(s[2 * p], s[2 * p + 1]), _mm512_unpackhi_ps(s[2 * p], s[2 * p + 1]));
    }
    for (int q = 0; q < 4; q++) {
        u[q] = _mm512_add_ps(_mm512_shuffle_ps(t[2 * q], t[2 * q + 1], _MM_SHUFFLE(1, 0, 1, 0)),
                             _mm512_shuffle_ps(t[2 * q], t[2 * q + 1], _MM_SHUFFLE(3, 2, 3, 2)));
    }
    const __m512 x0 = _mm512_add_ps(_mm512_shuffle_f32x4(u[0], u[1], 0x88), _mm512_shuffle_f32x4(u[0], u[1], 0xDD));
    const __m512 x1 = _mm512_add_ps(_mm512_shuffle_f32x4(u[2], u[3], 0x88), _mm512_shuffle_f32x4(u[2], u[3], 0xDD));
    return _mm512_add_ps(_mm512_shuffle_f32x4(x0, x1, 0x88), _mm512_shuffle_f32x4(x0, x1, 0xDD));
}

// y = x · Bᵀ: dot products of x with B's rows, sixteen rows at a time so each load of x serves sixteen of them and
// the sixteen sums are finished together.
__attribute__((target("avx512f"))) static void row_product_rows(const float *x, const float *b, ptrdiff_t ldb, float *y,
                                                                ptrdiff_t n, ptrdiff_t k, float alpha, float beta) {
    const __mmask16 tail = (__mmask16)((1u << (k % 16)) - 1u);
    const ptrdiff_t whole = k - k % 16;
    const __m512 va = _mm512_set1_ps(alpha), vb = _mm512_set1_ps(beta);
    ptrdiff_t j = 0;
    for (; j + 16 <= n; j += 16) {
        const float *rows = b + j * ldb;
        __m512 s[16];
        for (int r = 0; r < 16; r++) s[r] = _mm512_setzero_ps();
        ptrdiff_t i = 0;
        for (; i < whole; i += 16) {
            const __m512 v = _mm512_loadu_ps(x + i);
            for (int r = 0; r < 16; r++) s[r] = _mm512_fmadd_ps(_mm512_loadu_ps(rows + r * ldb + i), v, s[r]);
        }
        if (tail) {
            const __m512 v = _mm512_maskz_loadu_ps(tail, x + i);
            for (int r = 0; r < 16; r++) {
                s[r] = _mm512_fmadd_ps(_mm512_maskz_loadu_ps(tail, rows + r * ldb + i), v, s[r]);
            }
        }
        __m512 out = _mm512_mul_ps(va, sum16(s));
        if (beta != 0) out = _mm512_fmadd_ps(vb, _mm512_loadu_ps(y + j), out);
        _mm512_storeu_ps(y + j, out);
    }
    for (; j < n; j++) {
        const float *row = b + j * ldb;
        __m512 s = _mm512_setzero_ps();
        ptrdiff_t i = 0;
        for (; i < whole; i += 16) s = _mm512_fmadd_ps(_mm512_loadu_ps(row + i), _mm512_loadu_ps(x + i), s);
        if (tail) s = _mm512_fmadd_ps(_mm512_maskz_loadu_ps(tail, row + i), _mm512_maskz_loadu_ps(tail, x + i), s);
        y[j] = alpha * _mm512_reduce_add_ps(s) + (beta == 0 ? 0 : beta * y[j]);
    }
}

// y = x · B: B's rows scaled by x[i] and summed, 16 columns at a time, with four partial sums over i so the
// additions do not wait on each other.
__attribute__((target("avx512f"))) static void row_product_columns(const float *x, const float *b, ptrdiff_t ldb,
                                                                   float *y, ptrdiff_t n, ptrdiff_t k, float alpha,
                                                                   float beta) {
    const __m512 va = _mm512_set1_ps(alpha), vb = _mm512_set1_ps(beta);
    for (ptrdiff_t j = 0; j < n; j += 16) {
        const __mmask16 mask = n - j >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << (n - j)) - 1u);
        __m512 s0 = _mm512_setzero_ps(), s1 = _mm512_setzero_ps(), s2 = _mm512_setzero_ps(), s3 = _mm512_setzero_ps();
        const float *column = b + j;
        ptrdiff_t i = 0;
        for (; i + 4 <= k; i += 4) {
            s0 = _mm512_fmadd_ps(_mm512_maskz_loadu_ps(mask, column + i * ldb), _mm512_set1_ps(x[i]), s0);
            s1 = _mm512_fmadd_ps(_mm512_maskz_loadu_ps(mask, column + (i + 1) * ldb), _mm512_set1_ps(x[i + 1]), s1);
            s2 = _mm512_fmadd_ps(_mm512_maskz_loadu_ps(mask, column + (i + 2) * ldb), _mm512_set1_ps(x[i + 2]), s2);
            s3 = _mm512_fmadd_ps(_mm512_maskz_loadu_ps(mask, column + (i + 3) * ldb), _mm512_set1_ps(x[i + 3]), s3);
        }
        for (; i < k; i++) s0 = _mm512_fmadd_ps(_mm512_maskz_loadu_ps(mask, column + i * ldb), _mm512_set1_ps(x[i]), s0);
        __m512 out = _mm512_mul_ps(va, _mm512_add_ps(_mm512_add_ps(s0, s1), _mm512_add_ps(s2, s3)));
        if (beta != 0) out = _mm512_fmadd_ps(vb, _mm512_maskz_loadu_ps(mask, y + j), out);
        _mm512_mask_storeu_ps(y + j, mask, out);
    }
}
#endif

int airisk_row_product(const float *x, const float *b, ptrdiff_t ldb, int transB, float *y, ptrdiff_t n, ptrdiff_t k,
                       float alpha, float beta) {
#if defined(__x86_64__) && defined(__clang__)
    static _Atomic int supported = -1;
    int s = atomic_load_explicit(&supported, memory_order_relaxed);
    if (s < 0) {
        __builtin_cpu_init();
        s = __builtin_cpu_supports("avx512f") ? 1 : 0;
        atomic_store_explicit(&supported, s, memory_order_relaxed);
    }
    // Wider untransposed products walk B in column strips, which oneDNN's packed product beats (6.2 against
    // 4.9 µs on 1 × 256 × 256).
    if (!s || (!transB && n > 128)) return 0;
    if (transB) {
        row_product_rows(x, b, ldb, y, n, k, alpha, beta);
    } else {
        row_product_columns(x, b, ldb, y, n, k, alpha, beta);
    }
    return 1;
#else
    (void)x; (void)b; (void)ldb; (void)transB; (void)y; (void)n; (void)k; (void)alpha; (void)beta;
    return 0;
#endif
}
