/*
 * Names the secure world sends (REE FS file and directory names) and how
 * they map below the FS root: validation is pure; the walk opens one
 * component at a time with O_NOFOLLOW so that neither "..", nor an absolute
 * name, nor a symlink planted in the tree can reach outside the root.
 */
#ifndef SUPP_PATH_H
#define SUPP_PATH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Longest name accepted, in bytes without the NUL (OP-TEE's limit is 350). */
#define SUPP_NAME_MAX 512
/* Longest single component (NAME_MAX of Linux file systems). */
#define SUPP_COMPONENT_MAX 255
/* Deepest name accepted, in components. */
#define SUPP_PATH_MAX_DEPTH 16

struct supp_path {
	size_t n;                            /* number of components */
	const char *comp[SUPP_PATH_MAX_DEPTH]; /* each NUL-terminated, in buf */
	char buf[SUPP_NAME_MAX + 1];
};

/*
 * Copies the NUL-terminated name at the start of buf[0..len) into
 * out[SUPP_NAME_MAX + 1]. Bytes after the first NUL are ignored. Returns
 * TEEC_SUCCESS, or TEEC_ERROR_BAD_PARAMETERS if there is no NUL within len
 * or the name is longer than SUPP_NAME_MAX.
 */
uint32_t supp_name_from_buf(const void *buf, size_t len, char *out);

/*
 * Splits name at '/' into components (empty ones, from leading, trailing or
 * doubled slashes, are skipped: "/a//b" is a/b below the root). Rejects "."
 * and ".." components, components over SUPP_COMPONENT_MAX bytes, more than
 * SUPP_PATH_MAX_DEPTH components and names over SUPP_NAME_MAX bytes.
 * A name with no component at all ("" or "/") gives n = 0 (the root itself).
 * Returns TEEC_SUCCESS or TEEC_ERROR_BAD_PARAMETERS.
 */
uint32_t supp_path_parse(const char *name, struct supp_path *out);

/*
 * Opens (O_RDONLY | O_DIRECTORY) the directory made of the first n
 * components of p below rootfd, never following a symlink. With create,
 * missing directories are made (mode 0700) and their parents fsync'ed.
 * n = 0 reopens the root. Returns an fd or -errno (-ELOOP: a symlink).
 */
int supp_path_open_dir(int rootfd, const struct supp_path *p, size_t n,
		       bool create);

/* The last component of a non-empty path. */
static inline const char *supp_path_leaf(const struct supp_path *p)
{
	return p->comp[p->n - 1];
}

/*
 * mkdir -p for a trusted, administrator-given path (e.g. the FS root);
 * created levels get mode. Returns 0 or -errno.
 */
int supp_mkdir_p(const char *path, mode_t mode);

#endif
