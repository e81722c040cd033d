/*
 * The core's copy of the GP constants (core/include/tee/tee_cryp_defs.h)
 * against libutee's (tee_api_defines*.h, tee_api_cryp.h): every name the
 * core defines must have libutee's value. The name list is generated from
 * the core header at build time; cryp_defs_libutee.c is the other half,
 * compiled against libutee's headers.
 */
#include <string.h>

#include "cryp_test.h"

#define X(n) {#n, (unsigned long long)(n)},
static const struct {
	const char *name;
	unsigned long long v;
} core_vals[] = {
#include "cryp_gp_names.h"
};
#undef X

extern const unsigned long long cryp_libutee_vals[];
extern const size_t cryp_libutee_count;

TEST(cryp_defs_match_libutee)
{
	CHECK_EQ(cryp_libutee_count, ARRAY_SIZE(core_vals));
	CHECK(ARRAY_SIZE(core_vals) > 100);
	for (size_t i = 0; i < ARRAY_SIZE(core_vals); i++) {
		if (core_vals[i].v != cryp_libutee_vals[i])
			fprintf(stderr, "  %s: core 0x%llx libutee 0x%llx\n",
				core_vals[i].name, core_vals[i].v,
				cryp_libutee_vals[i]);
		CHECK(core_vals[i].v == cryp_libutee_vals[i]);
	}
}
