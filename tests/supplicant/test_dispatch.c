/*
 * Dispatching whole requests: LOAD_TA (size query, load, short buffer,
 * legacy file name, missing), SHM_ALLOC/SHM_FREE against the id table,
 * RPMB through shared memory, and the command line.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dispatch.h"
#include "harness.h"
#include "options.h"
#include "supp_proto.h"
#include "test_helpers.h"

#define MNULL TEE_MEMREF_NULL

static const uint8_t uuid[16] = { 0x8a, 0xaa, 0xf2, 0x00, 0x24, 0x50,
				  0x11, 0xe4, 0xab, 0xe2, 0x00, 0x02,
				  0xa5, 0xd5, 0xc5, 0x1b };

static void ctx_init(struct supp_ctx *ctx, const char *tmp)
{
	char root[400], rpmb[400];

	snprintf(root, sizeof(root), "%s/fs", tmp);
	snprintf(rpmb, sizeof(rpmb), "%s/fs/.rpmb", tmp);
	memset(ctx, 0, sizeof(*ctx));
	supp_shm_table_init(&ctx->shm, -1, false);
	CHECK_EQ(supp_fs_init(&ctx->fs, root), 0);
	CHECK_EQ(supp_rpmb_init(&ctx->rpmb, rpmb, NULL), 0);
	CHECK_EQ(supp_ta_dirs_init(&ctx->ta_dirs, NULL, tmp), 0);
}

static void ctx_fini(struct supp_ctx *ctx)
{
	supp_fs_fini(&ctx->fs);
	supp_rpmb_fini(&ctx->rpmb);
	supp_ta_dirs_free(&ctx->ta_dirs);
	supp_shm_table_fini(&ctx->shm);
}

static uint32_t run(struct supp_ctx *ctx, uint32_t func, unsigned n,
		    struct tee_ioctl_param *p)
{
	struct supp_request req;
	struct test_recv r;
	uint32_t res;

	test_recv_build(&r, func, n, p);
	res = test_decode(&r, &req);
	if (res == TEEC_SUCCESS)
		res = supp_dispatch(ctx, &req);
	memcpy(p, req.p, n * sizeof(*p));
	return res;
}

static uint8_t *shm_ptr(struct supp_ctx *ctx, uint64_t id)
{
	bool known;
	struct supp_shm *s = supp_shm_get(&ctx->shm, id, 0, 0, &known);
	uint8_t *p = s ? s->ptr : NULL;

	supp_shm_put(&ctx->shm, s);
	return p;
}

static uint64_t shm_alloc(struct supp_ctx *ctx, uint64_t size)
{
	struct tee_ioctl_param p[1] = { test_val(VINOUT, 0, size, 0) };

	CHECK_EQ(run(ctx, SUPP_CMD_SHM_ALLOC, 1, p), TEEC_SUCCESS);
	return p[0].c;
}

static void write_ta(const char *tmp, bool legacy, size_t size)
{
	char name[37], path[400];
	uint8_t *data = malloc(size);
	int fd;

	supp_uuid_str(uuid, legacy, name);
	snprintf(path, sizeof(path), "%s/%s.ta", tmp, name);
	for (size_t i = 0; i < size; i++)
		data[i] = (uint8_t)(i * 31);
	fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
	CHECK(fd >= 0 && write(fd, data, size) == (ssize_t)size);
	close(fd);
	free(data);
}

static struct tee_ioctl_param uuid_param(void)
{
	uint64_t a = 0, b = 0;

	for (int i = 0; i < 8; i++) {
		a |= (uint64_t)uuid[i] << (8 * i);
		b |= (uint64_t)uuid[8 + i] << (8 * i);
	}
	return test_val(VIN, a, b, 0);
}

TEST(supp_uuid_names)
{
	char s[37];

	supp_uuid_str(uuid, false, s);
	CHECK(!strcmp(s, "8aaaf200-2450-11e4-abe2-0002a5d5c51b"));
	supp_uuid_str(uuid, true, s);
	CHECK(!strcmp(s, "8aaaf200-2450-11e4-abe20002a5d5c51b"));
}

TEST(supp_dispatch_load_ta)
{
	char tmp[256];
	struct supp_ctx ctx;
	struct tee_ioctl_param p[2];
	uint64_t id;
	uint8_t *buf;

	test_tmpdir(tmp);
	ctx_init(&ctx, tmp);
	p[0] = uuid_param();
	p[1] = test_mem(MOUT, MNULL, 0, 0);
	CHECK_EQ(run(&ctx, SUPP_CMD_LOAD_TA, 2, p), TEEC_ERROR_ITEM_NOT_FOUND);

	write_ta(tmp, true, 5000); /* only the legacy name exists */
	p[1] = test_mem(MOUT, MNULL, 0, 0);
	CHECK_EQ(run(&ctx, SUPP_CMD_LOAD_TA, 2, p), TEEC_SUCCESS);
	CHECK_EQ(p[1].b, 5000);
	write_ta(tmp, false, 6000); /* the RFC 4122 name wins */
	p[1] = test_mem(MOUT, MNULL, 0, 0);
	CHECK_EQ(run(&ctx, SUPP_CMD_LOAD_TA, 2, p), TEEC_SUCCESS);
	CHECK_EQ(p[1].b, 6000);
	/* an id we never handed out is a size query too */
	p[1] = test_mem(MOUT, 12345, 0, 0);
	CHECK_EQ(run(&ctx, SUPP_CMD_LOAD_TA, 2, p), TEEC_SUCCESS);
	CHECK_EQ(p[1].b, 6000);

	id = shm_alloc(&ctx, 8192);
	buf = shm_ptr(&ctx, id);
	p[1] = test_mem(MOUT, id, 100, 5999);
	CHECK_EQ(run(&ctx, SUPP_CMD_LOAD_TA, 2, p), TEEC_ERROR_SHORT_BUFFER);
	CHECK_EQ(p[1].b, 6000);
	p[1] = test_mem(MOUT, id, 100, 8000);
	CHECK_EQ(run(&ctx, SUPP_CMD_LOAD_TA, 2, p), TEEC_SUCCESS);
	CHECK_EQ(p[1].b, 6000);
	CHECK_EQ(buf[100 + 5999], (uint8_t)(5999 * 31));
	CHECK_EQ(buf[99], 0);
	/* range past the buffer's end */
	p[1] = test_mem(MOUT, id, 4096, 8000);
	CHECK_EQ(run(&ctx, SUPP_CMD_LOAD_TA, 2, p), TEEC_ERROR_BAD_PARAMETERS);
	ctx_fini(&ctx);
	test_rmrf(tmp);
}

TEST(supp_dispatch_shm_table)
{
	char tmp[256];
	struct supp_ctx ctx;
	struct tee_ioctl_param p[1];
	uint64_t a, b;
	bool known;
	struct supp_shm *s;

	test_tmpdir(tmp);
	ctx_init(&ctx, tmp);
	a = shm_alloc(&ctx, 1);
	b = shm_alloc(&ctx, 100000);
	CHECK(a != b);
	CHECK(shm_ptr(&ctx, a) && shm_ptr(&ctx, b));
	/* ranges */
	s = supp_shm_get(&ctx.shm, b, 99999, 1, &known);
	CHECK(s && known);
	supp_shm_put(&ctx.shm, s);
	CHECK(!supp_shm_get(&ctx.shm, b, 99999, 2, &known) && known);
	CHECK(!supp_shm_get(&ctx.shm, b, UINT64_MAX, 2, &known) && known);
	CHECK(!supp_shm_get(&ctx.shm, 777, 0, 1, &known) && !known);
	CHECK(!supp_shm_get(&ctx.shm, UINT64_MAX, 0, 1, &known) && !known);

	/* free while a request still holds it: released at the put */
	s = supp_shm_get(&ctx.shm, a, 0, 1, &known);
	p[0] = test_val(VINOUT, 0, a, 0);
	CHECK_EQ(run(&ctx, SUPP_CMD_SHM_FREE, 1, p), TEEC_SUCCESS);
	CHECK(!supp_shm_get(&ctx.shm, a, 0, 1, &known) && !known);
	((uint8_t *)s->ptr)[0] = 1; /* still valid memory (ASan checks) */
	supp_shm_put(&ctx.shm, s);
	/* double free, unknown id */
	CHECK_EQ(run(&ctx, SUPP_CMD_SHM_FREE, 1, p), TEEC_ERROR_BAD_PARAMETERS);
	p[0] = test_val(VINOUT, 0, b, 0);
	CHECK_EQ(run(&ctx, SUPP_CMD_SHM_FREE, 1, p), TEEC_SUCCESS);
	ctx_fini(&ctx);
	test_rmrf(tmp);
}

TEST(supp_dispatch_rpmb_through_shm)
{
	char tmp[256];
	struct supp_ctx ctx;
	struct tee_ioctl_param p[2];
	uint64_t id;
	uint8_t *buf;

	test_tmpdir(tmp);
	ctx_init(&ctx, tmp);
	id = shm_alloc(&ctx, 64);
	buf = shm_ptr(&ctx, id);
	buf[0] = 1; /* GET_DEV_INFO */
	p[0] = test_mem(MIN, id, 0, 6);
	p[1] = test_mem(MOUT, id, 32, 19);
	CHECK_EQ(run(&ctx, SUPP_CMD_RPMB, 2, p), TEEC_SUCCESS);
	CHECK_EQ(buf[32 + 16], 2);
	CHECK_EQ(buf[32 + 17], 1);
	CHECK_EQ(buf[32 + 18], 0);
	/* request and response overlapping: served from a private copy */
	p[1] = test_mem(MOUT, id, 0, 19);
	memset(buf, 0, 64);
	buf[0] = 1;
	CHECK_EQ(run(&ctx, SUPP_CMD_RPMB, 2, p), TEEC_SUCCESS);
	CHECK_EQ(buf[16], 2);
	/* unknown shared memory */
	p[0] = test_mem(MIN, 4242, 0, 6);
	CHECK_EQ(run(&ctx, SUPP_CMD_RPMB, 2, p), TEEC_ERROR_BAD_PARAMETERS);
	/* unsupported command answers NOT_SUPPORTED */
	p[0] = test_val(VINOUT, 0, 0, 0);
	CHECK_EQ(run(&ctx, SUPP_CMD_GPROF, 1, p), TEEC_ERROR_NOT_SUPPORTED);
	ctx_fini(&ctx);
	test_rmrf(tmp);
}

static int parse(struct supp_options *o, const char *a0, const char *a1,
		 const char *a2, const char *a3)
{
	char *argv[6] = { (char *)"tee-supplicant", (char *)a0, (char *)a1,
			  (char *)a2, (char *)a3, NULL };
	int argc = 1;
	char err[160];

	while (argc < 5 && argv[argc])
		argc++;
	return supp_options_parse(argc, argv, o, err, sizeof(err));
}

TEST(supp_options_debian_flags)
{
	struct supp_options o;

	CHECK_EQ(parse(&o, NULL, NULL, NULL, NULL), 0);
	CHECK(!o.daemonize);
	CHECK(!strcmp(o.fs_root, "/data/tee"));
	CHECK(!strcmp(o.ta_dir, "optee_armtz"));
	CHECK(!strcmp(o.rpmb_file, "/data/tee/.rpmb-emu.img"));
	CHECK_EQ(o.log_level, 1);

	CHECK_EQ(parse(&o, "-d", "-f", "/var/lib/optee-client/data/tee",
		       NULL), 0);
	CHECK(o.daemonize);
	CHECK(!strcmp(o.fs_root, "/var/lib/optee-client/data/tee"));
	CHECK(!strcmp(o.rpmb_file,
		      "/var/lib/optee-client/data/tee/.rpmb-emu.img"));
	CHECK_EQ(parse(&o, "-t", "my_tas", "--fs-parent-path=/x", NULL), 0);
	CHECK(!strcmp(o.ta_dir, "my_tas") && !strcmp(o.fs_root, "/x"));
	CHECK_EQ(parse(&o, "--daemon", "--foreground", "teepriv1", NULL), 0);
	CHECK(!o.daemonize);
	CHECK(!strcmp(o.device, "teepriv1"));
	CHECK_EQ(parse(&o, "-vv", "--rpmb-file", "/r.img", NULL), 0);
	CHECK_EQ(o.log_level, 3);
	CHECK(!strcmp(o.rpmb_file, "/r.img"));
	CHECK_EQ(parse(&o, "--log-level", "error", "-v", NULL), 0);
	CHECK_EQ(o.log_level, 1);
	CHECK_EQ(parse(&o, "-r", "00112233445566778899aabbccddeeff", "-p",
		       "/plugins"), 0);
	CHECK(o.has_rpmb_cid && o.rpmb_cid[15] == 0xff);
	CHECK_EQ(parse(&o, "--ta-path", "/a:/b", "--max-threads", "4"), 0);
	CHECK(!strcmp(o.ta_path, "/a:/b"));
	CHECK_EQ(o.max_threads, 4);
	CHECK_EQ(parse(&o, "-h", NULL, NULL, NULL), 0);
	CHECK(o.help);
}

TEST(supp_options_errors)
{
	struct supp_options o;

	CHECK_EQ(parse(&o, "--bogus", NULL, NULL, NULL), -1);
	CHECK_EQ(parse(&o, "-f", NULL, NULL, NULL), -1);
	CHECK_EQ(parse(&o, "-f", "", NULL, NULL), -1);
	CHECK_EQ(parse(&o, "--log-level", "loud", NULL, NULL), -1);
	CHECK_EQ(parse(&o, "--max-threads", "0", NULL, NULL), -1);
	CHECK_EQ(parse(&o, "--max-threads", "12x", NULL, NULL), -1);
	CHECK_EQ(parse(&o, "-r", "0011", NULL, NULL), -1);
	CHECK_EQ(parse(&o, "-r", "zz112233445566778899aabbccddeeff", NULL,
		       NULL), -1);
	CHECK_EQ(parse(&o, "dev1", "dev2", NULL, NULL), -1);
}

TEST(supp_ta_dirs_lists)
{
	struct supp_ta_dirs d;

	CHECK_EQ(supp_ta_dirs_init(&d, "optee_armtz", NULL), 0);
	CHECK(d.n == 1 && !strcmp(d.dir[0], "/lib/optee_armtz"));
	supp_ta_dirs_free(&d);
	CHECK_EQ(supp_ta_dirs_init(&d, "/opt/tas", NULL), 0);
	CHECK(d.n == 1 && !strcmp(d.dir[0], "/opt/tas"));
	supp_ta_dirs_free(&d);
	CHECK_EQ(supp_ta_dirs_init(&d, "x", "/a::/b:"), 0);
	CHECK(d.n == 2 && !strcmp(d.dir[1], "/b"));
	supp_ta_dirs_free(&d);
	CHECK_EQ(supp_ta_dirs_init(&d, "x", ":::"), -1);
	CHECK_EQ(supp_ta_dirs_init(&d, "x", "/1:/2:/3:/4:/5:/6:/7:/8:/9"), -1);
}
