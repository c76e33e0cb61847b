#ifndef AIRISK_VECTOR_MATH_H
#define AIRISK_VECTOR_MATH_H
#include <stddef.h>

/// dst[i] = tanh(clamp(scale · src[i], -clip, clip)) · outScale + outShift, with the engine's rational tanh
/// approximation (RecurrentActivation.fastTanh). tanh: scale 1, outScale 1, outShift 0; sigmoid: scale 0.5,
/// outScale 0.5, outShift 0.5 (clip applies to src before scaling, as ONNX's recurrent clip does).
void airisk_tanh_affine(const float *src, float *dst, ptrdiff_t count, float clip, float scale, float outScale,
                        float outShift);

/// One row times a matrix, for the products with a single row (a batch-1 layer, a batch-1 recurrent step), where a
/// general GEMM spends more on packing and dispatch than on arithmetic:
/// y[j] = alpha · Σ_k x[k] · op(B)[k, j] + beta · y[j] for j < n, B row-major with row stride ldb, op(B) = Bᵀ when
/// transB (B holds n rows of k) and B otherwise (k rows of n). With beta 0, y is written without being read.
/// Returns 0, having done nothing, when the CPU lacks AVX-512 or B is untransposed and wider than 128 columns (the
/// caller then takes its library product).
int airisk_row_product(const float *x, const float *b, ptrdiff_t ldb, int transB, float *y, ptrdiff_t n, ptrdiff_t k,
                       float alpha, float beta);

#endif
