/*
 * cryp_read/cryp_write for the core: TA memory through copy_from_user and
 * copy_to_user only, on spans the system call decoder has checked with
 * uspace_access_ok. The bounds check here is a second line of defence.
 */
#include <kernel/user_access.h>
#include <string.h>

#include "cryp.h"

static bool inside(const struct cryp_span *s, size_t off, size_t n)
{
	return off <= s->len && n <= s->len - off;
}

void cryp_read(void *dst, const struct cryp_span *s, size_t off, size_t n)
{
	if (!n)
		return;
	if (inside(s, off, n))
		copy_from_user(dst, s->addr + off, n);
	else
		memset(dst, 0, n); /* never stale core data */
}

void cryp_write(const struct cryp_span *s, size_t off, const void *src,
		size_t n)
{
	if (n && inside(s, off, n))
		copy_to_user(s->addr + off, src, n);
}
