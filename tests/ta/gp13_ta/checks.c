/* Counting checks for the GP13_CMD_CHECKS suites (checks.h). */
#include <stdio.h>
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>

#include "checks.h"

void check_one(struct checks *c, bool ok, int line, const char *what)
{
	c->run++;
	if (ok) {
		c->passed++;
		return;
	}
	EMSG("check failed at line %d: %s", line, what);
	if (!c->first[0])
		snprintf(c->first, sizeof(c->first), "line %d: %s", line, what);
}

void check_res(struct checks *c, TEE_Result got, TEE_Result want, int line,
	       const char *what)
{
	char buf[120];

	if (got == want) {
		check_one(c, true, line, what);
		return;
	}
	snprintf(buf, sizeof(buf), "%s = %#x, want %#x", what,
		 (unsigned int)got, (unsigned int)want);
	check_one(c, false, line, buf);
}
