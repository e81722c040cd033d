/*
 * Secure-world names → safe locations below a root directory (path.h).
 */
#define _GNU_SOURCE
#include "path.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "supp_proto.h"

uint32_t supp_name_from_buf(const void *buf, size_t len, char *out)
{
	size_t n;

	if (!buf || !len)
		return TEEC_ERROR_BAD_PARAMETERS;
	n = strnlen(buf, len);
	if (n == len || n > SUPP_NAME_MAX)
		return TEEC_ERROR_BAD_PARAMETERS;
	memcpy(out, buf, n);
	out[n] = '\0';
	return TEEC_SUCCESS;
}

uint32_t supp_path_parse(const char *name, struct supp_path *out)
{
	size_t len;
	char *s;

	out->n = 0;
	if (!name)
		return TEEC_ERROR_BAD_PARAMETERS;
	len = strnlen(name, SUPP_NAME_MAX + 1);
	if (len > SUPP_NAME_MAX)
		return TEEC_ERROR_BAD_PARAMETERS;
	memcpy(out->buf, name, len + 1);

	s = out->buf;
	while (*s) {
		char *start, *end;
		size_t clen;

		while (*s == '/')
			s++;
		if (!*s)
			break;
		start = s;
		end = strchr(s, '/');
		if (!end)
			end = s + strlen(s);
		clen = (size_t)(end - start);
		s = *end ? end + 1 : end;
		*end = '\0';
		if (clen > SUPP_COMPONENT_MAX ||
		    (clen == 1 && start[0] == '.') ||
		    (clen == 2 && start[0] == '.' && start[1] == '.') ||
		    out->n == SUPP_PATH_MAX_DEPTH) {
			out->n = 0;
			return TEEC_ERROR_BAD_PARAMETERS;
		}
		out->comp[out->n++] = start;
	}
	return TEEC_SUCCESS;
}

static int open_dir_at(int dirfd, const char *name)
{
	return openat(dirfd, name,
		      O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
}

int supp_path_open_dir(int rootfd, const struct supp_path *p, size_t n,
		       bool create)
{
	int fd = open_dir_at(rootfd, ".");

	if (fd < 0)
		return -errno;
	if (n > p->n) {
		close(fd);
		return -EINVAL;
	}
	for (size_t i = 0; i < n; i++) {
		int next = open_dir_at(fd, p->comp[i]);

		if (next < 0 && errno == ENOENT && create) {
			if (mkdirat(fd, p->comp[i], 0700) && errno != EEXIST) {
				int err = errno;

				close(fd);
				return -err;
			}
			fsync(fd); /* make the new entry durable */
			next = open_dir_at(fd, p->comp[i]);
		}
		if (next < 0) {
			int err = errno;
			struct stat st;

			/* O_DIRECTORY reports a symlink as ENOTDIR: tell them
			 * apart, a symlink is an escape attempt. */
			if (err == ENOTDIR &&
			    !fstatat(fd, p->comp[i], &st,
				     AT_SYMLINK_NOFOLLOW) &&
			    S_ISLNK(st.st_mode))
				err = ELOOP;
			close(fd);
			return -err;
		}
		close(fd);
		fd = next;
	}
	return fd;
}

int supp_mkdir_p(const char *path, mode_t mode)
{
	char buf[PATH_MAX];
	size_t len = strnlen(path, sizeof(buf));
	struct stat st;

	if (!len || len >= sizeof(buf))
		return -ENAMETOOLONG;
	memcpy(buf, path, len + 1);
	for (char *s = buf + 1;; s++) {
		if (*s != '/' && *s)
			continue;
		char saved = *s;

		*s = '\0';
		if (mkdir(buf, mode) && errno != EEXIST)
			return -errno;
		*s = saved;
		if (!saved)
			break;
	}
	if (stat(path, &st))
		return -errno;
	return S_ISDIR(st.st_mode) ? 0 : -ENOTDIR;
}
