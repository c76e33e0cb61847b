#ifndef AIRISK_CBLAS_SHIM_H
#define AIRISK_CBLAS_SHIM_H
#include <cblas.h>
#endif
