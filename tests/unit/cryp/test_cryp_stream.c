/*
 * Block buffering (cryp_stream.c): what an update may output, and that
 * streaming any split of the input through cryp_stream_run() or
 * cryp_stream_run_in_place() hands every byte to the cipher exactly once,
 * in order, in whole blocks, and writes it to the right place.
 */
#include <string.h>

#include "cryp_test.h"

TEST(cryp_stream_plan_rules)
{
	/* Plain block modes: every whole block. */
	CHECK_EQ(cryp_stream_plan(0, 15, 16, false), 0);
	CHECK_EQ(cryp_stream_plan(0, 16, 16, false), 16);
	CHECK_EQ(cryp_stream_plan(5, 27, 16, false), 32);
	CHECK_EQ(cryp_stream_plan(7, 0, 8, false), 0);
	/* Streams: everything. */
	CHECK_EQ(cryp_stream_plan(0, 13, 1, false), 13);
	/* CTS/XTS: more than one block and at most two stay behind. */
	CHECK_EQ(cryp_stream_plan(0, 32, 16, true), 0);
	CHECK_EQ(cryp_stream_plan(0, 33, 16, true), 16);
	CHECK_EQ(cryp_stream_plan(16, 32, 16, true), 16);
	CHECK_EQ(cryp_stream_plan(31, 2, 16, true), 16);
	CHECK_EQ(cryp_stream_plan(0, 1000, 16, true), 976);
	for (size_t buf = 0; buf <= 32; buf++)
		for (size_t in = 0; in < 200; in++) {
			size_t p = cryp_stream_plan(buf, in, 16, true);
			size_t left = buf + in - p;

			CHECK(p % 16 == 0 && left <= 32);
			CHECK(left > 16 || p == 0);
		}
}

/* A "cipher" that records what it was given and numbers the bytes. */
struct rec {
	uint8_t seen[8192];
	size_t n;
	size_t block;
	bool bad_len;
};

static void record(void *ctx, const uint8_t *in, uint8_t *out, size_t len)
{
	struct rec *r = ctx;

	if (len % r->block)
		r->bad_len = true;
	memcpy(r->seen + r->n, in, len);
	for (size_t i = 0; i < len; i++)
		out[i] = in[i] ^ 0x5a;
	r->n += len;
}

static void run(bool in_place, struct cryp_blockbuf *b,
		const struct cryp_span *in, const struct cryp_span *dst,
		size_t p, struct rec *r)
{
	if (in_place)
		cryp_stream_run_in_place(b, in, dst, 0, p, record, r);
	else
		cryp_stream_run(b, in, dst, 0, p, record, r);
}

static void stream_once(size_t block, bool hold, size_t len, bool in_place)
{
	static uint8_t msg[4096], out[4096 + 64];
	struct cryp_blockbuf b = {.len = 0};
	struct rec r = {.n = 0, .block = block};
	size_t parts[8], np = random_split(len, parts, 8), off = 0, o = 0;

	prng_fill(msg, len);
	memset(out, 0, sizeof(out));
	for (size_t i = 0; i < np; i++) {
		struct cryp_span in = span_of(msg + off, parts[i]);
		size_t p = cryp_stream_plan(b.len, parts[i], block, hold);
		struct cryp_span dst = span_of(out + o, p);

		run(in_place, &b, &in, &dst, p, &r);
		CHECK(b.len <= sizeof(b.data));
		off += parts[i];
		o += p;
	}
	/* A final call: everything left. */
	{
		struct cryp_span in = span_of(msg + off, 0);
		struct cryp_span dst = span_of(out + o, b.len);

		run(in_place, &b, &in, &dst, b.len, &r);
	}
	CHECK_EQ(r.n, len);
	CHECK(!memcmp(r.seen, msg, len));
	for (size_t i = 0; i < len; i++)
		CHECK_EQ(out[i], msg[i] ^ 0x5a);
	CHECK_EQ(b.len, 0);
	if (block > 1 && len % block == 0)
		CHECK(!r.bad_len);
}

TEST(cryp_stream_every_split)
{
	prng_seed(42);
	for (int i = 0; i < 3000; i++) {
		size_t len = prng_below(4) ? prng_below(300) : prng_below(4096);
		static const size_t blocks[] = {1, 8, 16};
		size_t bl = blocks[prng_below(3)];

		stream_once(bl, bl == 16 && prng_below(2), len - len % bl,
			    i % 2);
	}
}

TEST(cryp_stream_keeps_overflow_out)
{
	/* A wrong plan must not overrun the buffer (defence in depth). */
	uint8_t msg[100] = {0};
	struct cryp_blockbuf b = {.len = 0};
	struct rec r = {.n = 0, .block = 1};
	struct cryp_span in = span_of(msg, sizeof(msg)), dst = span_of(msg, 0);

	cryp_stream_run(&b, &in, &dst, 0, 0, record, &r);
	CHECK(b.len <= sizeof(b.data));
}
