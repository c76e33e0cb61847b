#ifndef AIRISK_VECTOR_MATH_H
#define AIRISK_VECTOR_MATH_H
#include <stddef.h>

/// dst[i] = tanh(clamp(scale · src[i], -clip, clip)) · outScale + outShift, with the engine's rational tanh
/// approximation (RecurrentActivation.fastTanh). tanh: scale 1, outScale 1, outShift 0; sigmoid: scale 0.5,
/// outScale 0.5, outShift 0.5 (clip applies to src before scaling, as ONNX's recurrent clip does).
void airisk_tanh_affine(const float *src, float *dst, ptrdiff_t count, float clip, float scale, float outScale,
                        float outShift);

#endif
