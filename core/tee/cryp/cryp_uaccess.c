/*
 * cryp_read/cryp_write/cryp_run_on_user for the core: TA memory through
 * copy_from_user, copy_to_user and user_access_run only, on spans the
 * system call decoder has checked with uspace_access_ok. The bounds checks
 * here are a second line of defence.
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

struct user_run {
	cryp_stream_fn fn;
	void *ctx;
	const uint8_t *in;
	uint8_t *out;
	size_t len;
};

static void user_run(void *arg)
{
	struct user_run *r = arg;

	r->fn(r->ctx, r->in, r->out, r->len);
}

void cryp_run_on_user(cryp_stream_fn fn, void *ctx, const struct cryp_span *src,
		      size_t src_off, const struct cryp_span *dst,
		      size_t dst_off, size_t n)
{
	struct user_run r = {.fn = fn, .ctx = ctx, .len = n};

	if (!n || !inside(src, src_off, n) || (dst && !inside(dst, dst_off, n)))
		return;
	r.in = (const uint8_t *)(uintptr_t)(src->addr + src_off);
	if (dst)
		r.out = (uint8_t *)(uintptr_t)(dst->addr + dst_off);
	user_access_run(user_run, &r);
}
