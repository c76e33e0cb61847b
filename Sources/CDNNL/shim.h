#ifndef AIRISK_CDNNL_SHIM_H
#define AIRISK_CDNNL_SHIM_H
// oneDNN (libdnnl-dev): the engine's matrix products on x86-64 (see ARCHITECTURE.md, "Matrix products").
#include <oneapi/dnnl/dnnl.h>
#endif
