/* libutee's values for the names of the core's GP constants (see
 * test_cryp_defs.c); built against lib/libutee/include only. */
#include <stddef.h>
#include <tee_api_cryp.h>
#include <tee_api_defines.h>

#define X(n) (unsigned long long)(n),
const unsigned long long cryp_libutee_vals[] = {
#include "cryp_gp_names.h"
};
#undef X
const size_t cryp_libutee_count =
	sizeof(cryp_libutee_vals) / sizeof(cryp_libutee_vals[0]);
