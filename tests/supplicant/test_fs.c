/*
 * The REE FS through the dispatcher (requests decoded from RECV buffers,
 * data in fake shared memory) and directly: every sub-op, error mapping,
 * handle checks, and symlink/traversal escapes in a temporary root.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dispatch.h"
#include "harness.h"
#include "supp_proto.h"
#include "test_helpers.h"

#define MNULL TEE_MEMREF_NULL

struct env {
	char tmp[256];
	char root[300];
	struct supp_ctx ctx;
	int shm_id;
	uint8_t *shm; /* 16 KiB: names at 0 and 512, data from 4096 */
};

static void env_init(struct env *e)
{
	struct supp_shm *s;
	bool known;

	memset(e, 0, sizeof(*e));
	test_tmpdir(e->tmp);
	snprintf(e->root, sizeof(e->root), "%s/data/tee", e->tmp);
	supp_shm_table_init(&e->ctx.shm, -1, false);
	supp_fs_init(&e->ctx.fs, e->root);
	supp_rpmb_init(&e->ctx.rpmb, "/nonexistent/rpmb", NULL);
	supp_ta_dirs_init(&e->ctx.ta_dirs, e->tmp, NULL);
	supp_shm_alloc(&e->ctx.shm, 16384, &e->shm_id);
	s = supp_shm_get(&e->ctx.shm, (uint64_t)e->shm_id, 0, 16384, &known);
	e->shm = s->ptr;
	supp_shm_put(&e->ctx.shm, s);
}

static void env_fini(struct env *e)
{
	supp_fs_fini(&e->ctx.fs);
	supp_rpmb_fini(&e->ctx.rpmb);
	supp_ta_dirs_free(&e->ctx.ta_dirs);
	supp_shm_table_fini(&e->ctx.shm);
	test_rmrf(e->tmp);
}

/* Runs one FS request; p[] updated with what would be sent back. */
static uint32_t fs_req(struct env *e, unsigned n, struct tee_ioctl_param *p)
{
	struct supp_request req;
	struct test_recv r;
	uint32_t res;

	test_recv_build(&r, SUPP_CMD_FS, n, p);
	res = test_decode(&r, &req);
	if (res == TEEC_SUCCESS)
		res = supp_dispatch(&e->ctx, &req);
	memcpy(p, req.p, n * sizeof(*p));
	return res;
}

static uint32_t fs_open(struct env *e, uint32_t op, const char *name,
			uint64_t *h)
{
	struct tee_ioctl_param p[3] = {
		test_val(VIN, op, 0, 0),
		test_mem(MIN, (uint64_t)e->shm_id, 0, strlen(name) + 1),
		test_val(VOUT, 0, 0, 0),
	};
	uint32_t res;

	strcpy((char *)e->shm, name);
	res = fs_req(e, 3, p);
	*h = p[2].a;
	return res;
}

static uint32_t fs_name_op(struct env *e, uint32_t op, uint64_t b,
			   const char *name, const char *name2)
{
	struct tee_ioctl_param p[3] = {
		test_val(VIN, op, b, 0),
		test_mem(MIN, (uint64_t)e->shm_id, 0, strlen(name) + 1),
		test_mem(MIN, (uint64_t)e->shm_id, 512,
			 name2 ? strlen(name2) + 1 : 1),
	};

	strcpy((char *)e->shm, name);
	if (name2)
		strcpy((char *)e->shm + 512, name2);
	return fs_req(e, name2 ? 3 : 2, p);
}

static uint32_t fs_rw(struct env *e, uint32_t op, uint64_t h, uint64_t off,
		      uint64_t *len)
{
	struct tee_ioctl_param p[2] = {
		test_val(VIN, op, h, off),
		test_mem(op == SUPP_FS_WRITE ? MIN : MOUT, (uint64_t)e->shm_id,
			 4096, *len),
	};
	uint32_t res = fs_req(e, 2, p);

	*len = p[1].b;
	return res;
}

static uint32_t fs_handle_op(struct env *e, uint32_t op, uint64_t h,
			     uint64_t arg)
{
	struct tee_ioctl_param p[1] = { test_val(VIN, op, h, arg) };

	return fs_req(e, 1, p);
}

TEST(supp_fs_create_write_read_remove)
{
	struct env e;
	char path[400];
	uint64_t h, len;
	struct stat st;

	env_init(&e);
	CHECK(!test_exists(e.root)); /* created lazily */
	CHECK_EQ(fs_open(&e, SUPP_FS_OPEN, "/dirf.db", &h),
		 TEEC_ERROR_ITEM_NOT_FOUND);
	CHECK(!stat(e.root, &st) && (st.st_mode & 0777) == 0700);

	CHECK_EQ(fs_open(&e, SUPP_FS_CREATE, "/dirf.db", &h), TEEC_SUCCESS);
	CHECK(h != 0);
	snprintf(path, sizeof(path), "%s/dirf.db", e.root);
	CHECK(!stat(path, &st) && (st.st_mode & 0777) == 0600);
	for (int i = 0; i < 3000; i++)
		e.shm[4096 + i] = (uint8_t)(i * 7);
	len = 3000;
	CHECK_EQ(fs_rw(&e, SUPP_FS_WRITE, h, 100, &len), TEEC_SUCCESS);
	memset(e.shm + 4096, 0, 4096);
	len = 4000; /* more than there is: short read */
	CHECK_EQ(fs_rw(&e, SUPP_FS_READ, h, 100, &len), TEEC_SUCCESS);
	CHECK_EQ(len, 3000);
	CHECK_EQ(e.shm[4096 + 2999], (uint8_t)(2999 * 7));
	len = 10;
	CHECK_EQ(fs_rw(&e, SUPP_FS_READ, h, 0, &len), TEEC_SUCCESS);
	CHECK_EQ(len, 10);
	CHECK_EQ(e.shm[4096], 0); /* the hole before offset 100 */
	len = 10;
	CHECK_EQ(fs_rw(&e, SUPP_FS_READ, h, 1 << 20, &len), TEEC_SUCCESS);
	CHECK_EQ(len, 0);

	CHECK_EQ(fs_handle_op(&e, SUPP_FS_TRUNCATE, h, 50), TEEC_SUCCESS);
	CHECK(!stat(path, &st) && st.st_size == 50);
	CHECK_EQ(fs_handle_op(&e, SUPP_FS_CLOSE, h, 0), TEEC_SUCCESS);
	/* closed: the handle is dead, a second close fails */
	CHECK_EQ(fs_handle_op(&e, SUPP_FS_CLOSE, h, 0),
		 TEEC_ERROR_BAD_PARAMETERS);
	len = 10;
	CHECK_EQ(fs_rw(&e, SUPP_FS_READ, h, 0, &len),
		 TEEC_ERROR_BAD_PARAMETERS);
	/* reopen finds the data */
	CHECK_EQ(fs_open(&e, SUPP_FS_OPEN, "dirf.db", &h), TEEC_SUCCESS);
	CHECK_EQ(fs_handle_op(&e, SUPP_FS_CLOSE, h, 0), TEEC_SUCCESS);
	CHECK_EQ(fs_name_op(&e, SUPP_FS_REMOVE, 0, "/dirf.db", NULL),
		 TEEC_SUCCESS);
	CHECK(!test_exists(path));
	CHECK_EQ(fs_name_op(&e, SUPP_FS_REMOVE, 0, "/dirf.db", NULL),
		 TEEC_ERROR_ITEM_NOT_FOUND);
	env_fini(&e);
}

TEST(supp_fs_handles_are_private)
{
	struct env e;
	uint64_t h, h2, len = 4;

	env_init(&e);
	/* never-opened handles, including the real fds 0, 1, 2 */
	for (uint64_t v = 0; v < 8; v++)
		CHECK_EQ(fs_handle_op(&e, SUPP_FS_CLOSE, v, 0),
			 TEEC_ERROR_BAD_PARAMETERS);
	CHECK_EQ(fs_handle_op(&e, SUPP_FS_CLOSE, UINT64_MAX, 0),
		 TEEC_ERROR_BAD_PARAMETERS);
	CHECK_EQ(fs_open(&e, SUPP_FS_CREATE, "f", &h), TEEC_SUCCESS);
	/* a file handle is not a directory handle */
	CHECK_EQ(fs_handle_op(&e, SUPP_FS_CLOSEDIR, h, 0),
		 TEEC_ERROR_BAD_PARAMETERS);
	CHECK_EQ(fs_handle_op(&e, SUPP_FS_CLOSE, h, 0), TEEC_SUCCESS);
	/* the slot is reused with a new generation: the old value is dead */
	CHECK_EQ(fs_open(&e, SUPP_FS_OPEN, "f", &h2), TEEC_SUCCESS);
	CHECK(h2 != h);
	CHECK_EQ(fs_rw(&e, SUPP_FS_WRITE, h, 0, &len),
		 TEEC_ERROR_BAD_PARAMETERS);
	CHECK_EQ(fs_rw(&e, SUPP_FS_WRITE, h2, 0, &len), TEEC_SUCCESS);
	CHECK_EQ(fs_handle_op(&e, SUPP_FS_TRUNCATE, h2, UINT64_MAX),
		 TEEC_ERROR_BAD_PARAMETERS);
	len = 4;
	CHECK_EQ(fs_rw(&e, SUPP_FS_WRITE, h2, UINT64_MAX - 2, &len),
		 TEEC_ERROR_BAD_PARAMETERS);
	CHECK_EQ(fs_handle_op(&e, SUPP_FS_CLOSE, h2, 0), TEEC_SUCCESS);
	env_fini(&e);
}

TEST(supp_fs_create_makes_parents_remove_prunes)
{
	struct env e;
	char path[400];
	uint64_t h;

	env_init(&e);
	CHECK_EQ(fs_open(&e, SUPP_FS_CREATE, "/a/b/obj", &h), TEEC_SUCCESS);
	CHECK_EQ(fs_handle_op(&e, SUPP_FS_CLOSE, h, 0), TEEC_SUCCESS);
	CHECK_EQ(fs_open(&e, SUPP_FS_CREATE, "/a/keep", &h), TEEC_SUCCESS);
	CHECK_EQ(fs_handle_op(&e, SUPP_FS_CLOSE, h, 0), TEEC_SUCCESS);
	CHECK_EQ(fs_name_op(&e, SUPP_FS_REMOVE, 0, "/a/b/obj", NULL),
		 TEEC_SUCCESS);
	snprintf(path, sizeof(path), "%s/a/b", e.root);
	CHECK(!test_exists(path)); /* empty parent removed */
	snprintf(path, sizeof(path), "%s/a", e.root);
	CHECK(test_exists(path)); /* not empty: kept */
	CHECK_EQ(fs_name_op(&e, SUPP_FS_REMOVE, 0, "/a/keep", NULL),
		 TEEC_SUCCESS);
	CHECK(!test_exists(path));
	CHECK(test_exists(e.root)); /* never the root itself */
	env_fini(&e);
}

TEST(supp_fs_rename_overwrite_flag)
{
	struct env e;
	uint64_t h, len = 3;

	env_init(&e);
	CHECK_EQ(fs_open(&e, SUPP_FS_CREATE, "old", &h), TEEC_SUCCESS);
	memcpy(e.shm + 4096, "abc", 3);
	CHECK_EQ(fs_rw(&e, SUPP_FS_WRITE, h, 0, &len), TEEC_SUCCESS);
	CHECK_EQ(fs_handle_op(&e, SUPP_FS_CLOSE, h, 0), TEEC_SUCCESS);
	CHECK_EQ(fs_open(&e, SUPP_FS_CREATE, "new", &h), TEEC_SUCCESS);
	CHECK_EQ(fs_handle_op(&e, SUPP_FS_CLOSE, h, 0), TEEC_SUCCESS);

	CHECK_EQ(fs_name_op(&e, SUPP_FS_RENAME, 0, "old", "new"),
		 TEEC_ERROR_ACCESS_CONFLICT);
	CHECK_EQ(fs_name_op(&e, SUPP_FS_RENAME, 1, "old", "new"),
		 TEEC_SUCCESS);
	CHECK_EQ(fs_open(&e, SUPP_FS_OPEN, "old", &h),
		 TEEC_ERROR_ITEM_NOT_FOUND);
	CHECK_EQ(fs_open(&e, SUPP_FS_OPEN, "new", &h), TEEC_SUCCESS);
	len = 10;
	CHECK_EQ(fs_rw(&e, SUPP_FS_READ, h, 0, &len), TEEC_SUCCESS);
	CHECK_EQ(len, 3);
	CHECK(!memcmp(e.shm + 4096, "abc", 3));
	CHECK_EQ(fs_handle_op(&e, SUPP_FS_CLOSE, h, 0), TEEC_SUCCESS);
	CHECK_EQ(fs_name_op(&e, SUPP_FS_RENAME, 0, "new", "third"),
		 TEEC_SUCCESS);
	CHECK_EQ(fs_name_op(&e, SUPP_FS_RENAME, 0, "missing", "x"),
		 TEEC_ERROR_ITEM_NOT_FOUND);
	CHECK_EQ(fs_name_op(&e, SUPP_FS_RENAME, 1, "third", "../escape"),
		 TEEC_ERROR_BAD_PARAMETERS);
	env_fini(&e);
}

TEST(supp_fs_readdir_skips_dotfiles_keeps_short_entry)
{
	struct env e;
	char path[400];
	uint64_t h, d, len;
	int seen_a = 0, seen_long = 0;
	const char *longname = "a-rather-long-object-name";

	env_init(&e);
	CHECK_EQ(fs_open(&e, SUPP_FS_CREATE, "dir/.hidden", &h), TEEC_SUCCESS);
	CHECK_EQ(fs_handle_op(&e, SUPP_FS_CLOSE, h, 0), TEEC_SUCCESS);
	/* only a dot-file: "empty" */
	CHECK_EQ(fs_open(&e, SUPP_FS_OPENDIR, "dir", &d),
		 TEEC_ERROR_ITEM_NOT_FOUND);
	CHECK_EQ(fs_open(&e, SUPP_FS_OPENDIR, "nodir", &d),
		 TEEC_ERROR_ITEM_NOT_FOUND);
	snprintf(path, sizeof(path), "dir/%s", longname);
	CHECK_EQ(fs_open(&e, SUPP_FS_CREATE, path, &h), TEEC_SUCCESS);
	CHECK_EQ(fs_handle_op(&e, SUPP_FS_CLOSE, h, 0), TEEC_SUCCESS);
	CHECK_EQ(fs_open(&e, SUPP_FS_CREATE, "dir/a", &h), TEEC_SUCCESS);
	CHECK_EQ(fs_handle_op(&e, SUPP_FS_CLOSE, h, 0), TEEC_SUCCESS);

	CHECK_EQ(fs_open(&e, SUPP_FS_OPENDIR, "/dir", &d), TEEC_SUCCESS);
	for (int i = 0; i < 2; i++) {
		len = 4; /* fits "a" only */
		uint32_t res = fs_rw(&e, SUPP_FS_READDIR, d, 0, &len);

		if (res == TEEC_ERROR_SHORT_BUFFER) {
			CHECK_EQ(len, strlen(longname) + 1);
			len = 64; /* the same entry comes again */
			CHECK_EQ(fs_rw(&e, SUPP_FS_READDIR, d, 0, &len),
				 TEEC_SUCCESS);
		} else {
			CHECK_EQ(res, TEEC_SUCCESS);
		}
		if (!strcmp((char *)e.shm + 4096, "a")) {
			seen_a++;
			CHECK_EQ(len, 2);
		} else if (!strcmp((char *)e.shm + 4096, longname)) {
			seen_long++;
		}
	}
	CHECK(seen_a == 1 && seen_long == 1);
	len = 64;
	CHECK_EQ(fs_rw(&e, SUPP_FS_READDIR, d, 0, &len),
		 TEEC_ERROR_ITEM_NOT_FOUND);
	/* a file handle is no directory handle and vice versa */
	len = 64;
	CHECK_EQ(fs_rw(&e, SUPP_FS_READ, d, 0, &len),
		 TEEC_ERROR_BAD_PARAMETERS);
	CHECK_EQ(fs_handle_op(&e, SUPP_FS_CLOSE, d, 0),
		 TEEC_ERROR_BAD_PARAMETERS);
	CHECK_EQ(fs_handle_op(&e, SUPP_FS_CLOSEDIR, d, 0), TEEC_SUCCESS);
	CHECK_EQ(fs_handle_op(&e, SUPP_FS_CLOSEDIR, d, 0),
		 TEEC_ERROR_BAD_PARAMETERS);
	/* the root itself can be listed */
	CHECK_EQ(fs_open(&e, SUPP_FS_OPENDIR, "/", &d), TEEC_SUCCESS);
	CHECK_EQ(fs_handle_op(&e, SUPP_FS_CLOSEDIR, d, 0), TEEC_SUCCESS);
	env_fini(&e);
}

TEST(supp_fs_bad_memrefs)
{
	struct env e;
	uint64_t h;
	struct tee_ioctl_param p[3];

	env_init(&e);
	/* name without NUL inside the memref */
	memcpy(e.shm, "abcd", 4);
	p[0] = test_val(VIN, SUPP_FS_CREATE, 0, 0);
	p[1] = test_mem(MIN, (uint64_t)e.shm_id, 0, 4);
	p[2] = test_val(VOUT, 0, 0, 0);
	CHECK_EQ(fs_req(&e, 3, p), TEEC_ERROR_BAD_PARAMETERS);
	/* memref beyond the end of the shared buffer */
	p[1] = test_mem(MIN, (uint64_t)e.shm_id, 16380, 8);
	CHECK_EQ(fs_req(&e, 3, p), TEEC_ERROR_BAD_PARAMETERS);
	p[1] = test_mem(MIN, (uint64_t)e.shm_id, 1ull << 40, 8);
	CHECK_EQ(fs_req(&e, 3, p), TEEC_ERROR_BAD_PARAMETERS);
	/* unknown shm id for an input */
	p[1] = test_mem(MIN, 999, 0, 8);
	CHECK_EQ(fs_req(&e, 3, p), TEEC_ERROR_BAD_PARAMETERS);
	/* READ into nothing */
	CHECK_EQ(fs_open(&e, SUPP_FS_CREATE, "f", &h), TEEC_SUCCESS);
	p[0] = test_val(VIN, SUPP_FS_READ, h, 0);
	p[1] = test_mem(MOUT, MNULL, 0, 16);
	CHECK_EQ(fs_req(&e, 2, p), TEEC_ERROR_BAD_PARAMETERS);
	p[1] = test_mem(MOUT, MNULL, 0, 0); /* zero bytes: fine */
	CHECK_EQ(fs_req(&e, 2, p), TEEC_SUCCESS);
	/* empty name, overlong name */
	CHECK_EQ(fs_open(&e, SUPP_FS_CREATE, "", &h),
		 TEEC_ERROR_BAD_PARAMETERS);
	CHECK_EQ(fs_open(&e, SUPP_FS_CREATE, "/", &h),
		 TEEC_ERROR_BAD_PARAMETERS);
	memset(e.shm + 1024, 'n', 600);
	e.shm[1024 + 600] = 0;
	CHECK_EQ(fs_open(&e, SUPP_FS_CREATE, (char *)e.shm + 1024, &h),
		 TEEC_ERROR_BAD_PARAMETERS);
	env_fini(&e);
}

TEST(supp_fs_traversal_and_symlink_escape)
{
	const char *names[] = { "../escape", "/../../etc/passwd",
				"a/../../escape", "./x", "..",
				"/foo/../../../escape" };
	struct env e;
	char outside[400], path[400], buf[8] = { 0 };
	uint64_t h, len;
	int fd;

	env_init(&e);
	CHECK_EQ(fs_open(&e, SUPP_FS_CREATE, "ok", &h), TEEC_SUCCESS);
	CHECK_EQ(fs_handle_op(&e, SUPP_FS_CLOSE, h, 0), TEEC_SUCCESS);
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		CHECK_EQ(fs_open(&e, SUPP_FS_CREATE, names[i], &h),
			 TEEC_ERROR_BAD_PARAMETERS);
		CHECK_EQ(fs_open(&e, SUPP_FS_OPEN, names[i], &h),
			 TEEC_ERROR_BAD_PARAMETERS);
		CHECK_EQ(fs_name_op(&e, SUPP_FS_REMOVE, 0, names[i], NULL),
			 TEEC_ERROR_BAD_PARAMETERS);
		CHECK_EQ(fs_name_op(&e, SUPP_FS_RENAME, 1, "ok", names[i]),
			 TEEC_ERROR_BAD_PARAMETERS);
		CHECK_EQ(fs_open(&e, SUPP_FS_OPENDIR, names[i], &h),
			 TEEC_ERROR_BAD_PARAMETERS);
	}
	snprintf(path, sizeof(path), "%s/data/escape", e.tmp);
	CHECK(!test_exists(path));
	snprintf(path, sizeof(path), "%s/escape", e.tmp);
	CHECK(!test_exists(path));

	/* A file outside the root, reachable through planted symlinks. */
	snprintf(outside, sizeof(outside), "%s/secret", e.tmp);
	fd = open(outside, O_CREAT | O_WRONLY, 0600);
	CHECK(write(fd, "secret", 6) == 6);
	close(fd);
	snprintf(path, sizeof(path), "%s/leaf", e.root);
	CHECK(!symlink(outside, path));
	snprintf(path, sizeof(path), "%s/dirlink", e.root);
	CHECK(!symlink(e.tmp, path));

	CHECK_EQ(fs_open(&e, SUPP_FS_OPEN, "leaf", &h),
		 TEEC_ERROR_ACCESS_DENIED);
	CHECK_EQ(fs_open(&e, SUPP_FS_CREATE, "leaf", &h),
		 TEEC_ERROR_ACCESS_DENIED);
	CHECK_EQ(fs_open(&e, SUPP_FS_OPEN, "dirlink/secret", &h),
		 TEEC_ERROR_ACCESS_DENIED);
	CHECK_EQ(fs_open(&e, SUPP_FS_CREATE, "dirlink/new", &h),
		 TEEC_ERROR_ACCESS_DENIED);
	CHECK_EQ(fs_name_op(&e, SUPP_FS_REMOVE, 0, "dirlink/secret", NULL),
		 TEEC_ERROR_ACCESS_DENIED);
	CHECK_EQ(fs_name_op(&e, SUPP_FS_RENAME, 1, "ok", "dirlink/moved"),
		 TEEC_ERROR_ACCESS_DENIED);
	CHECK_EQ(fs_open(&e, SUPP_FS_OPENDIR, "dirlink", &h),
		 TEEC_ERROR_ACCESS_DENIED);
	/* removing the link itself is fine: it only removes the link */
	CHECK_EQ(fs_name_op(&e, SUPP_FS_REMOVE, 0, "leaf", NULL),
		 TEEC_SUCCESS);
	/* the outside file is intact, nothing new appeared outside */
	fd = open(outside, O_RDONLY);
	CHECK(read(fd, buf, sizeof(buf)) == 6 && !memcmp(buf, "secret", 6));
	close(fd);
	snprintf(path, sizeof(path), "%s/new", e.tmp);
	CHECK(!test_exists(path));
	snprintf(path, sizeof(path), "%s/moved", e.tmp);
	CHECK(!test_exists(path));
	/* a FIFO planted in the root is not opened as a file */
	snprintf(path, sizeof(path), "%s/fifo", e.root);
	CHECK(!mkfifo(path, 0600));
	CHECK_EQ(fs_open(&e, SUPP_FS_OPEN, "fifo", &h),
		 TEEC_ERROR_ACCESS_DENIED);
	(void)len;
	env_fini(&e);
}

TEST(supp_fs_root_not_available)
{
	struct supp_fs fs;
	char tmp[256], root[400];
	uint64_t h;
	int fd;

	test_tmpdir(tmp);
	snprintf(root, sizeof(root), "%s/file", tmp);
	fd = open(root, O_CREAT | O_WRONLY, 0600);
	close(fd);
	strcat(root, "/tee"); /* below a regular file: cannot exist */
	CHECK_EQ(supp_fs_init(&fs, root), 0);
	CHECK_EQ(supp_fs_open(&fs, "x", true, &h),
		 TEEC_ERROR_STORAGE_NOT_AVAILABLE);
	CHECK_EQ(supp_fs_opendir(&fs, "/", &h),
		 TEEC_ERROR_STORAGE_NOT_AVAILABLE);
	CHECK_EQ(supp_fs_remove(&fs, "x"), TEEC_ERROR_STORAGE_NOT_AVAILABLE);
	supp_fs_fini(&fs);
	test_rmrf(tmp);
}

TEST(supp_fs_errno_mapping)
{
	CHECK_EQ(supp_fs_errno_to_teec(ENOENT), TEEC_ERROR_ITEM_NOT_FOUND);
	CHECK_EQ(supp_fs_errno_to_teec(ENOSPC), TEEC_ERROR_STORAGE_NO_SPACE);
	CHECK_EQ(supp_fs_errno_to_teec(EIO), TEEC_ERROR_GENERIC);
	CHECK_EQ(supp_fs_errno_to_teec(ELOOP), TEEC_ERROR_ACCESS_DENIED);
}
