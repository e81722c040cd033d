/*
 * Request decoding: truncated and malformed RECV buffers, wrong param
 * counts and attributes for every command and every FS sub-op, NULL
 * memrefs, and the SEND encoding.
 */
#include <string.h>

#include "harness.h"
#include "request.h"
#include "supp_proto.h"
#include "test_helpers.h"

#define NONE TEE_IOCTL_PARAM_ATTR_TYPE_NONE
#define MNULL TEE_MEMREF_NULL

static uint32_t decode_params(uint32_t func, unsigned n,
			      const struct tee_ioctl_param *p,
			      struct supp_request *req)
{
	struct test_recv r;

	test_recv_build(&r, func, n, p);
	return test_decode(&r, req);
}

TEST(supp_decode_truncated_header)
{
	struct supp_request req;
	struct test_recv r;
	struct tee_ioctl_param p[1] = { test_val(VIN, 0, 0, 0) };

	test_recv_build(&r, SUPP_CMD_FS, 1, p);
	for (size_t len = 0; len < 8 + 32; len++) {
		r.len = len;
		CHECK_EQ(test_decode(&r, &req), SUPP_DECODE_NO_REPLY);
	}
	/* Header says 2 params but only one fits in what was received. */
	r.len = 8 + 32 + 31;
	CHECK_EQ(test_decode(&r, &req), SUPP_DECODE_NO_REPLY);
	r.len = 8 + 64;
	CHECK_EQ(test_decode(&r, &req), TEEC_ERROR_BAD_PARAMETERS);
	CHECK_EQ(supp_request_decode(NULL, 100, &req), SUPP_DECODE_NO_REPLY);
}

TEST(supp_decode_param_count_limits)
{
	struct supp_request req;
	struct test_recv r;
	struct tee_iocl_supp_recv_arg hdr = { .func = SUPP_CMD_FS };

	test_recv_build(&r, SUPP_CMD_FS, 0, NULL);
	hdr.num_params = 0;
	memcpy(r.buf, &hdr, sizeof(hdr));
	CHECK_EQ(test_decode(&r, &req), SUPP_DECODE_NO_REPLY);
	hdr.num_params = SUPP_RECV_SLOTS + 1;
	memcpy(r.buf, &hdr, sizeof(hdr));
	CHECK_EQ(test_decode(&r, &req), SUPP_DECODE_NO_REPLY);
	hdr.num_params = 0xffffffffu;
	memcpy(r.buf, &hdr, sizeof(hdr));
	CHECK_EQ(test_decode(&r, &req), SUPP_DECODE_NO_REPLY);
	/* All slots used: decodes (and is then a bad FS shape). */
	hdr.num_params = SUPP_RECV_SLOTS;
	memcpy(r.buf, &hdr, sizeof(hdr));
	CHECK_EQ(test_decode(&r, &req), TEEC_ERROR_BAD_PARAMETERS);
	CHECK_EQ(req.num_params, SUPP_MAX_REQ_PARAMS);
}

TEST(supp_decode_needs_meta)
{
	struct supp_request req;
	struct test_recv r;
	struct tee_ioctl_param meta;
	const uint64_t bad[] = {
		TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INOUT,
		TEE_IOCTL_PARAM_ATTR_META,
		VIN | TEE_IOCTL_PARAM_ATTR_META,
		MINOUT | TEE_IOCTL_PARAM_ATTR_META,
	};

	test_recv_build(&r, SUPP_CMD_SHM_FREE, 0, NULL);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		memset(&meta, 0, sizeof(meta));
		meta.attr = bad[i];
		memcpy(r.buf + 8, &meta, sizeof(meta));
		CHECK_EQ(test_decode(&r, &req), SUPP_DECODE_NO_REPLY);
	}
}

TEST(supp_decode_unsupported_commands)
{
	const uint32_t funcs[] = { 3, 4, 5, SUPP_CMD_SQL_FS, SUPP_CMD_GPROF,
				   SUPP_CMD_SOCKET, SUPP_CMD_FTRACE,
				   SUPP_CMD_PLUGIN, SUPP_CMD_BENCH_REG, 21,
				   22, 23, 24, 99, 0xffffffffu };
	struct tee_ioctl_param p[4] = {
		test_val(VINOUT, 0, 0, 0), test_mem(MIN, 1, 0, 16),
		test_val(0x77, 0, 0, 0), /* garbage does not matter */
	};
	struct supp_request req;

	for (size_t i = 0; i < sizeof(funcs) / sizeof(funcs[0]); i++) {
		CHECK_EQ(decode_params(funcs[i], 3, p, &req),
			 TEEC_ERROR_NOT_SUPPORTED);
		CHECK_EQ(req.kind, SUPP_REQ_UNSUPPORTED);
		CHECK_EQ(req.num_params, 3);
		CHECK_EQ(req.meta.a, 7);
	}
}

TEST(supp_decode_bad_attrs)
{
	const uint64_t attrs[] = { 4, 8, 0xff, MIN | TEE_IOCTL_PARAM_ATTR_META,
				   VIN | 0x200, 1ull << 40 };
	struct supp_request req;

	for (size_t i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++) {
		struct tee_ioctl_param p[2] = {
			test_val(VIN, SUPP_FS_WRITE, 1, 0),
			test_mem(attrs[i], 1, 0, 16),
		};

		CHECK_EQ(decode_params(SUPP_CMD_FS, 2, p, &req),
			 TEEC_ERROR_BAD_PARAMETERS);
	}
}

TEST(supp_decode_load_ta)
{
	struct tee_ioctl_param p[3] = {
		test_val(VIN, 0x0706050403020100ull, 0x0f0e0d0c0b0a0908ull, 0),
		test_mem(MOUT, MNULL, 0, 0),
	};
	struct supp_request req;

	CHECK_EQ(decode_params(SUPP_CMD_LOAD_TA, 2, p, &req), TEEC_SUCCESS);
	CHECK_EQ(req.kind, SUPP_REQ_LOAD_TA);
	for (int i = 0; i < 16; i++)
		CHECK_EQ(req.u.load_ta.uuid[i], i);
	CHECK(req.u.load_ta.ta.null);
	CHECK_EQ(req.u.load_ta.ta.idx, 1);

	p[1] = test_mem(MINOUT, 3, 4096, 100);
	CHECK_EQ(decode_params(SUPP_CMD_LOAD_TA, 2, p, &req), TEEC_SUCCESS);
	CHECK(!req.u.load_ta.ta.null);
	CHECK_EQ(req.u.load_ta.ta.shm_id, 3);
	CHECK_EQ(req.u.load_ta.ta.offs, 4096);
	CHECK_EQ(req.u.load_ta.ta.size, 100);

	/* wrong count, wrong attrs, overflowing range */
	CHECK_EQ(decode_params(SUPP_CMD_LOAD_TA, 1, p, &req),
		 TEEC_ERROR_BAD_PARAMETERS);
	CHECK_EQ(decode_params(SUPP_CMD_LOAD_TA, 3, p, &req),
		 TEEC_ERROR_BAD_PARAMETERS);
	p[1] = test_mem(MIN, 3, 0, 100);
	CHECK_EQ(decode_params(SUPP_CMD_LOAD_TA, 2, p, &req),
		 TEEC_ERROR_BAD_PARAMETERS);
	p[1] = test_mem(MOUT, 3, UINT64_MAX - 10, 100);
	CHECK_EQ(decode_params(SUPP_CMD_LOAD_TA, 2, p, &req),
		 TEEC_ERROR_BAD_PARAMETERS);
	p[1] = test_mem(MOUT, 3, 0, 100);
	p[0].attr = VOUT;
	CHECK_EQ(decode_params(SUPP_CMD_LOAD_TA, 2, p, &req),
		 TEEC_ERROR_BAD_PARAMETERS);
}

TEST(supp_decode_rpmb)
{
	struct tee_ioctl_param p[3] = { test_mem(MIN, 1, 0, 6),
					test_mem(MOUT, 1, 32, 19) };
	struct supp_request req;

	CHECK_EQ(decode_params(SUPP_CMD_RPMB, 2, p, &req), TEEC_SUCCESS);
	CHECK_EQ(req.kind, SUPP_REQ_RPMB);
	CHECK_EQ(req.u.rpmb.rsp.offs, 32);
	p[0].c = MNULL;
	CHECK_EQ(decode_params(SUPP_CMD_RPMB, 2, p, &req),
		 TEEC_ERROR_BAD_PARAMETERS);
	p[0].c = 1;
	p[1].c = MNULL;
	CHECK_EQ(decode_params(SUPP_CMD_RPMB, 2, p, &req),
		 TEEC_ERROR_BAD_PARAMETERS);
	p[1] = test_mem(MIN, 1, 32, 19);
	CHECK_EQ(decode_params(SUPP_CMD_RPMB, 2, p, &req),
		 TEEC_ERROR_BAD_PARAMETERS);
	CHECK_EQ(decode_params(SUPP_CMD_RPMB, 1, p, &req),
		 TEEC_ERROR_BAD_PARAMETERS);
}

TEST(supp_decode_shm)
{
	struct tee_ioctl_param p[2] = { test_val(VINOUT, 0, 8192, 0),
					test_val(NONE, 0, 0, 0) };
	struct supp_request req;

	CHECK_EQ(decode_params(SUPP_CMD_SHM_ALLOC, 1, p, &req), TEEC_SUCCESS);
	CHECK_EQ(req.u.shm_alloc.size, 8192);
	CHECK_EQ(decode_params(SUPP_CMD_SHM_ALLOC, 2, p, &req),
		 TEEC_ERROR_BAD_PARAMETERS);
	CHECK_EQ(decode_params(SUPP_CMD_SHM_ALLOC, 0, p, &req),
		 TEEC_ERROR_BAD_PARAMETERS);
	p[0].attr = VIN; /* the id could not be returned */
	CHECK_EQ(decode_params(SUPP_CMD_SHM_ALLOC, 1, p, &req),
		 TEEC_ERROR_BAD_PARAMETERS);
	p[0] = test_val(VINOUT, 1, 8192, 0); /* KERNEL type is not ours */
	CHECK_EQ(decode_params(SUPP_CMD_SHM_ALLOC, 1, p, &req),
		 TEEC_ERROR_BAD_PARAMETERS);
	p[0] = test_val(VINOUT, 0, 0, 0);
	CHECK_EQ(decode_params(SUPP_CMD_SHM_ALLOC, 1, p, &req),
		 TEEC_ERROR_BAD_PARAMETERS);
	p[0] = test_val(VINOUT, 0, SUPP_SHM_MAX_SIZE + 1ull, 0);
	CHECK_EQ(decode_params(SUPP_CMD_SHM_ALLOC, 1, p, &req),
		 TEEC_ERROR_OUT_OF_MEMORY);

	p[0] = test_val(VINOUT, 0, 5, 0);
	CHECK_EQ(decode_params(SUPP_CMD_SHM_FREE, 1, p, &req), TEEC_SUCCESS);
	CHECK_EQ(req.u.shm_free.id, 5);
	p[0].attr = VIN;
	CHECK_EQ(decode_params(SUPP_CMD_SHM_FREE, 1, p, &req), TEEC_SUCCESS);
	p[0].attr = VOUT;
	CHECK_EQ(decode_params(SUPP_CMD_SHM_FREE, 1, p, &req),
		 TEEC_ERROR_BAD_PARAMETERS);
	p[0] = test_val(VIN, 2, 5, 0);
	CHECK_EQ(decode_params(SUPP_CMD_SHM_FREE, 1, p, &req),
		 TEEC_ERROR_BAD_PARAMETERS);
}

/* The valid shape of every FS sub-op (param 0 is VALUE_INPUT op). */
static const struct fs_shape {
	uint32_t op;
	unsigned n;
	uint64_t attr[3];
} fs_shapes[] = {
	{ SUPP_FS_OPEN, 3, { VIN, MIN, VOUT } },
	{ SUPP_FS_CREATE, 3, { VIN, MIN, VOUT } },
	{ SUPP_FS_CLOSE, 1, { VIN } },
	{ SUPP_FS_READ, 2, { VIN, MOUT } },
	{ SUPP_FS_WRITE, 2, { VIN, MIN } },
	{ SUPP_FS_TRUNCATE, 1, { VIN } },
	{ SUPP_FS_REMOVE, 2, { VIN, MIN } },
	{ SUPP_FS_RENAME, 3, { VIN, MIN, MIN } },
	{ SUPP_FS_OPENDIR, 3, { VIN, MIN, VOUT } },
	{ SUPP_FS_CLOSEDIR, 1, { VIN } },
	{ SUPP_FS_READDIR, 2, { VIN, MOUT } },
};

static void fs_params(const struct fs_shape *s, struct tee_ioctl_param *p)
{
	memset(p, 0, 4 * sizeof(*p));
	p[0] = test_val(s->attr[0], s->op, 5, 100);
	for (unsigned i = 1; i < s->n; i++)
		p[i] = s->attr[i] == VOUT ? test_val(VOUT, 0, 0, 0)
					  : test_mem(s->attr[i], 1, 0, 32);
	if (s->n < 4)
		p[s->n] = test_mem(MIN, 1, 0, 32);
}

TEST(supp_decode_fs_valid_shapes)
{
	struct tee_ioctl_param p[4];
	struct supp_request req;

	for (size_t i = 0; i < sizeof(fs_shapes) / sizeof(fs_shapes[0]); i++) {
		const struct fs_shape *s = &fs_shapes[i];

		fs_params(s, p);
		CHECK_EQ(decode_params(SUPP_CMD_FS, s->n, p, &req),
			 TEEC_SUCCESS);
		CHECK_EQ(req.kind, SUPP_REQ_FS);
		CHECK_EQ(req.u.fs.op, s->op);
		CHECK_EQ(req.u.fs.handle, 5);
		CHECK_EQ(req.u.fs.arg, 100);
		/* INOUT is accepted in either direction */
		for (unsigned k = 0; k < s->n; k++)
			p[k].attr = p[k].attr == VIN || p[k].attr == VOUT
					    ? VINOUT
					    : MINOUT;
		CHECK_EQ(decode_params(SUPP_CMD_FS, s->n, p, &req),
			 TEEC_SUCCESS);
	}
}

TEST(supp_decode_fs_wrong_counts_and_attrs)
{
	const uint64_t all[] = { NONE, VIN, VOUT, MIN, MOUT };
	struct tee_ioctl_param p[4];
	struct supp_request req;

	for (size_t i = 0; i < sizeof(fs_shapes) / sizeof(fs_shapes[0]); i++) {
		const struct fs_shape *s = &fs_shapes[i];

		fs_params(s, p);
		/* one param too few / too many */
		CHECK_EQ(decode_params(SUPP_CMD_FS, s->n - 1, p, &req),
			 TEEC_ERROR_BAD_PARAMETERS);
		CHECK_EQ(decode_params(SUPP_CMD_FS, s->n + 1, p, &req),
			 TEEC_ERROR_BAD_PARAMETERS);
		/* every position with every other attribute */
		for (unsigned k = 0; k < s->n; k++) {
			for (size_t a = 0; a < sizeof(all) / sizeof(all[0]);
			     a++) {
				struct tee_ioctl_param q[4];

				if (all[a] == s->attr[k])
					continue;
				memcpy(q, p, sizeof(q));
				q[k].attr = all[a];
				CHECK_EQ(decode_params(SUPP_CMD_FS, s->n, q,
						       &req),
					 TEEC_ERROR_BAD_PARAMETERS);
			}
		}
	}
	/* unknown sub-ops and an op number above 32 bits */
	p[0] = test_val(VIN, 11, 0, 0);
	CHECK_EQ(decode_params(SUPP_CMD_FS, 1, p, &req),
		 TEEC_ERROR_BAD_PARAMETERS);
	p[0] = test_val(VIN, 1ull << 32 | SUPP_FS_CLOSE, 0, 0);
	CHECK_EQ(decode_params(SUPP_CMD_FS, 1, p, &req),
		 TEEC_ERROR_BAD_PARAMETERS);
	CHECK_EQ(decode_params(SUPP_CMD_FS, 0, p, &req),
		 TEEC_ERROR_BAD_PARAMETERS);
}

TEST(supp_decode_fs_null_and_empty_names)
{
	const uint32_t ops[] = { SUPP_FS_OPEN, SUPP_FS_CREATE, SUPP_FS_REMOVE,
				 SUPP_FS_RENAME, SUPP_FS_OPENDIR };
	struct supp_request req;

	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		for (int which = 0; which < 2; which++) {
			struct tee_ioctl_param p[3] = {
				test_val(VIN, ops[i], 0, 0),
				test_mem(MIN, 1, 0, 10),
				ops[i] == SUPP_FS_RENAME
					? test_mem(MIN, 1, 16, 10)
					: test_val(VOUT, 0, 0, 0),
			};
			unsigned n = ops[i] == SUPP_FS_REMOVE ? 2 : 3;

			p[1] = which ? test_mem(MIN, 1, 0, 0)
				     : test_mem(MIN, MNULL, 0, 10);
			CHECK_EQ(decode_params(SUPP_CMD_FS, n, p, &req),
				 TEEC_ERROR_BAD_PARAMETERS);
			if (ops[i] == SUPP_FS_RENAME) {
				p[1] = test_mem(MIN, 1, 0, 10);
				p[2] = which ? test_mem(MIN, 1, 16, 0)
					     : test_mem(MIN, MNULL, 0, 10);
				CHECK_EQ(decode_params(SUPP_CMD_FS, n, p,
						       &req),
					 TEEC_ERROR_BAD_PARAMETERS);
			}
		}
	}
}

TEST(supp_decode_fs_rename_flag)
{
	struct tee_ioctl_param p[3] = { test_val(VIN, SUPP_FS_RENAME, 1, 0),
					test_mem(MIN, 1, 0, 8),
					test_mem(MIN, 1, 8, 8) };
	struct supp_request req;

	CHECK_EQ(decode_params(SUPP_CMD_FS, 3, p, &req), TEEC_SUCCESS);
	CHECK(req.u.fs.overwrite);
	CHECK_EQ(req.u.fs.m2.offs, 8);
	p[0].b = 0;
	CHECK_EQ(decode_params(SUPP_CMD_FS, 3, p, &req), TEEC_SUCCESS);
	CHECK(!req.u.fs.overwrite);
}

TEST(supp_reply_encode_echoes_meta_and_params)
{
	struct tee_ioctl_param p[3] = { test_val(VIN, SUPP_FS_OPEN, 0, 0),
					test_mem(MIN, 1, 0, 8),
					test_val(VOUT, 0, 0, 0) };
	uint8_t buf[SUPP_ARG_SIZE];
	struct tee_iocl_supp_send_arg hdr;
	struct tee_ioctl_param out[4];
	struct supp_request req;
	size_t len;

	CHECK_EQ(decode_params(SUPP_CMD_FS, 3, p, &req), TEEC_SUCCESS);
	req.p[2].a = 42;
	len = supp_reply_encode(&req, TEEC_ERROR_ITEM_NOT_FOUND, buf,
				sizeof(buf));
	CHECK_EQ(len, 8 + 4 * 32);
	memcpy(&hdr, buf, sizeof(hdr));
	memcpy(out, buf + 8, sizeof(out));
	CHECK_EQ(hdr.ret, TEEC_ERROR_ITEM_NOT_FOUND);
	CHECK_EQ(hdr.num_params, 4);
	CHECK_EQ(out[0].attr, VINOUT | TEE_IOCTL_PARAM_ATTR_META);
	CHECK_EQ(out[0].a, 7);
	CHECK_EQ(out[2].attr, MIN);
	CHECK_EQ(out[3].attr, VOUT);
	CHECK_EQ(out[3].a, 42);
	CHECK_EQ(supp_reply_encode(&req, 0, buf, len - 1), 0);
}
