#ifndef AIRISK_CLIBXML2_SHIM_H
#define AIRISK_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
// Foundation on Linux ships its own ICU; libxml2's ICU headers clash with it.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlsave.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#endif
