/*
 * Feeding a block cipher from a stream of TA buffers of any size. The
 * logical input is (what the operation buffered) ++ (the TA's buffer); an
 * update passes whole blocks on and keeps the rest. With cryp_stream_run,
 * data moves through one stack chunk: every input byte is read from the TA
 * once and every output byte written once, whatever the function does.
 * cryp_stream_run_in_place runs the function straight on TA memory past
 * the buffered bytes, without those two copies.
 */
#include <string.h>

#include "cryp.h"

size_t cryp_stream_plan(size_t buffered, size_t in_len, size_t block,
			bool hold_two)
{
	size_t total = buffered + in_len; /* callers bound in_len */

	if (block <= 1)
		return total;
	if (!hold_two)
		return total - total % block;
	/* Keep more than one block and at most two for the final call. */
	if (total <= 2 * block)
		return 0;
	return ROUNDUP(total - 2 * block, block);
}

static void stream(struct cryp_blockbuf *b, const struct cryp_span *src,
		   const struct cryp_span *dst, size_t dst_off, size_t process,
		   cryp_stream_fn fn, void *ctx, bool in_place)
{
	uint8_t chunk[CRYP_CHUNK];
	size_t done = 0, src_off = 0, keep, rest;

	while (done < process) {
		size_t n = process - done, fill = 0;

		/* Past the buffered bytes, @src's whole blocks need no chunk.
		 */
		if (in_place && done >= b->len) {
			cryp_run_on_user(fn, ctx, src, src_off, dst,
					 dst_off + done, n);
			src_off += n;
			done += n;
			break;
		}
		if (n > sizeof(chunk))
			n = sizeof(chunk); /* a multiple of every block size */
		if (done < b->len) {
			fill = b->len - done < n ? b->len - done : n;
			memcpy(chunk, b->data + done, fill);
		}
		if (fill < n) {
			cryp_read(chunk + fill, src, src_off, n - fill);
			src_off += n - fill;
		}
		fn(ctx, chunk, chunk, n);
		cryp_write(dst, dst_off + done, chunk, n);
		done += n;
	}
	/* What is left: the buffer's tail (if any), then the rest of src. */
	keep = done < b->len ? b->len - done : 0;
	if (keep)
		memmove(b->data, b->data + done, keep);
	rest = src->len - src_off;
	/* cryp_stream_plan() keeps this within the buffer; never trust it. */
	if (rest > sizeof(b->data) - keep)
		rest = sizeof(b->data) - keep;
	cryp_read(b->data + keep, src, src_off, rest);
	b->len = keep + rest;
	crypto_wipe(chunk, sizeof(chunk));
}

void cryp_stream_run(struct cryp_blockbuf *b, const struct cryp_span *src,
		     const struct cryp_span *dst, size_t dst_off,
		     size_t process, cryp_stream_fn fn, void *ctx)
{
	stream(b, src, dst, dst_off, process, fn, ctx, false);
}

void cryp_stream_run_in_place(struct cryp_blockbuf *b,
			      const struct cryp_span *src,
			      const struct cryp_span *dst, size_t dst_off,
			      size_t process, cryp_stream_fn fn, void *ctx)
{
	stream(b, src, dst, dst_off, process, fn, ctx, true);
}
