/*
 * Names from the secure world: traversal ("..", absolute escapes), embedded
 * NULs, overlong names and components, and symlink escapes in a temporary
 * directory tree.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "path.h"
#include "supp_proto.h"
#include "test_helpers.h"

static int parse_ok(const char *name, size_t n)
{
	struct supp_path p;

	return supp_path_parse(name, &p) == TEEC_SUCCESS && p.n == n;
}

static int parse_bad(const char *name)
{
	struct supp_path p;

	return supp_path_parse(name, &p) == TEEC_ERROR_BAD_PARAMETERS &&
	       p.n == 0;
}

TEST(supp_path_parse_components)
{
	struct supp_path p;

	CHECK_EQ(supp_path_parse("/dirf.db", &p), TEEC_SUCCESS);
	CHECK_EQ(p.n, 1);
	CHECK(!strcmp(p.comp[0], "dirf.db"));
	CHECK_EQ(supp_path_parse("//a///b/c/", &p), TEEC_SUCCESS);
	CHECK_EQ(p.n, 3);
	CHECK(!strcmp(p.comp[0], "a") && !strcmp(p.comp[1], "b") &&
	      !strcmp(p.comp[2], "c"));
	CHECK(!strcmp(supp_path_leaf(&p), "c"));
	CHECK(parse_ok("", 0));
	CHECK(parse_ok("/", 0));
	CHECK(parse_ok("///", 0));
	CHECK(parse_ok("...", 1)); /* only "." and ".." are special */
	CHECK(parse_ok("..a/b..", 2));
	CHECK(parse_ok(".hidden", 1));
	CHECK(parse_bad(NULL));
}

TEST(supp_path_rejects_traversal)
{
	const char *bad[] = {
		"..", "../etc/passwd", "../../etc/passwd", "/../../etc",
		"a/../../b", "a/..", "/..", "./a", "a/./b", ".", "a/.",
		"x/../../../../../../../../../../etc/shadow",
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		CHECK(parse_bad(bad[i]));
		if (!parse_bad(bad[i]))
			fprintf(stderr, "  accepted: %s\n", bad[i]);
	}
}

TEST(supp_path_rejects_overlong)
{
	char name[SUPP_NAME_MAX + 64];

	/* one component of 255 is fine, 256 is not */
	memset(name, 'a', 255);
	name[255] = '\0';
	CHECK(parse_ok(name, 1));
	memset(name, 'a', 256);
	name[256] = '\0';
	CHECK(parse_bad(name));
	/* whole name: SUPP_NAME_MAX fine, one more is not */
	for (size_t i = 0; i < SUPP_NAME_MAX; i++)
		name[i] = i % 100 == 99 ? '/' : 'b';
	name[SUPP_NAME_MAX] = '\0';
	CHECK(parse_ok(name, 6));
	name[SUPP_NAME_MAX] = 'c';
	name[SUPP_NAME_MAX + 1] = '\0';
	CHECK(parse_bad(name));
	/* depth */
	name[0] = '\0';
	for (int i = 0; i < SUPP_PATH_MAX_DEPTH; i++)
		strcat(name, "/d");
	CHECK(parse_ok(name, SUPP_PATH_MAX_DEPTH));
	strcat(name, "/d");
	CHECK(parse_bad(name));
}

TEST(supp_name_from_buf_nul_handling)
{
	char out[SUPP_NAME_MAX + 1];
	static const char embedded[] = "good\0../../etc/passwd";
	char big[SUPP_NAME_MAX + 2];

	CHECK_EQ(supp_name_from_buf("abc", 4, out), TEEC_SUCCESS);
	CHECK(!strcmp(out, "abc"));
	/* no NUL within the memref */
	CHECK_EQ(supp_name_from_buf("abc", 3, out), TEEC_ERROR_BAD_PARAMETERS);
	CHECK_EQ(supp_name_from_buf("abc", 0, out), TEEC_ERROR_BAD_PARAMETERS);
	CHECK_EQ(supp_name_from_buf(NULL, 4, out), TEEC_ERROR_BAD_PARAMETERS);
	/* an embedded NUL ends the name: what follows is never used */
	CHECK_EQ(supp_name_from_buf(embedded, sizeof(embedded), out),
		 TEEC_SUCCESS);
	CHECK(!strcmp(out, "good"));
	/* empty name (just the NUL) decodes; parse gives the root */
	CHECK_EQ(supp_name_from_buf("", 1, out), TEEC_SUCCESS);
	/* too long */
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	CHECK_EQ(supp_name_from_buf(big, sizeof(big), out),
		 TEEC_ERROR_BAD_PARAMETERS);
	big[SUPP_NAME_MAX] = '\0';
	CHECK_EQ(supp_name_from_buf(big, sizeof(big), out), TEEC_SUCCESS);
	CHECK_EQ(strlen(out), SUPP_NAME_MAX);
}

TEST(supp_path_open_dir_creates_and_refuses_symlinks)
{
	char tmp[256], root[300], outside[300], path[400];
	struct supp_path p;
	int rootfd, fd;

	test_tmpdir(tmp);
	snprintf(root, sizeof(root), "%s/root", tmp);
	snprintf(outside, sizeof(outside), "%s/outside", tmp);
	CHECK(!mkdir(root, 0700) && !mkdir(outside, 0700));
	rootfd = open(root, O_RDONLY | O_DIRECTORY);
	CHECK(rootfd >= 0);

	CHECK_EQ(supp_path_parse("/a/b/file", &p), TEEC_SUCCESS);
	CHECK_EQ(supp_path_open_dir(rootfd, &p, 2, false), -ENOENT);
	fd = supp_path_open_dir(rootfd, &p, 2, true);
	CHECK(fd >= 0);
	close(fd);
	snprintf(path, sizeof(path), "%s/a/b", root);
	CHECK(test_exists(path));
	fd = supp_path_open_dir(rootfd, &p, 0, false); /* the root itself */
	CHECK(fd >= 0);
	close(fd);

	/* a symlink to a directory outside, as a middle component */
	snprintf(path, sizeof(path), "%s/esc", root);
	CHECK(!symlink(outside, path));
	CHECK_EQ(supp_path_parse("/esc/sub/file", &p), TEEC_SUCCESS);
	CHECK_EQ(supp_path_open_dir(rootfd, &p, 1, false), -ELOOP);
	CHECK_EQ(supp_path_open_dir(rootfd, &p, 2, true), -ELOOP);
	snprintf(path, sizeof(path), "%s/sub", outside);
	CHECK(!test_exists(path)); /* nothing was made outside */
	/* a relative symlink climbing out */
	snprintf(path, sizeof(path), "%s/up", root);
	CHECK(!symlink("../outside", path));
	CHECK_EQ(supp_path_parse("up/x", &p), TEEC_SUCCESS);
	CHECK_EQ(supp_path_open_dir(rootfd, &p, 1, true), -ELOOP);
	/* a regular file used as a directory */
	snprintf(path, sizeof(path), "%s/plain", root);
	fd = open(path, O_CREAT | O_WRONLY, 0600);
	close(fd);
	CHECK_EQ(supp_path_parse("plain/x", &p), TEEC_SUCCESS);
	CHECK_EQ(supp_path_open_dir(rootfd, &p, 1, true), -ENOTDIR);
	/* more components than the path has */
	CHECK_EQ(supp_path_open_dir(rootfd, &p, 5, false), -EINVAL);

	close(rootfd);
	test_rmrf(tmp);
}

TEST(supp_mkdir_p_makes_parents)
{
	char tmp[256], path[400];
	struct stat st;

	test_tmpdir(tmp);
	snprintf(path, sizeof(path), "%s/x/y/z", tmp);
	CHECK_EQ(supp_mkdir_p(path, 0700), 0);
	CHECK(!stat(path, &st) && S_ISDIR(st.st_mode));
	CHECK_EQ(st.st_mode & 0777, 0700);
	CHECK_EQ(supp_mkdir_p(path, 0700), 0); /* exists: fine */
	snprintf(path, sizeof(path), "%s/x/y/z/f", tmp);
	close(open(path, O_CREAT | O_WRONLY, 0600));
	CHECK_EQ(supp_mkdir_p(path, 0700), -ENOTDIR);
	snprintf(path, sizeof(path), "%s/x/y/z/f/g", tmp);
	CHECK(supp_mkdir_p(path, 0700) < 0);
	CHECK_EQ(supp_mkdir_p("", 0700), -ENAMETOOLONG);
	test_rmrf(tmp);
}
