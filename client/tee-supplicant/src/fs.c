/*
 * REE file system operations (fs.h).
 */
#define _GNU_SOURCE
#include "fs.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "log.h"
#include "path.h"
#include "supp_proto.h"

#define FILE_FLAGS (O_SYNC | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)

uint32_t supp_fs_errno_to_teec(int err)
{
	switch (err) {
	case 0:
		return TEEC_SUCCESS;
	case ENOENT:
		return TEEC_ERROR_ITEM_NOT_FOUND;
	case ENOSPC:
	case EDQUOT:
		return TEEC_ERROR_STORAGE_NO_SPACE;
	case ELOOP: /* a symlink where none may be */
	case EACCES:
	case EPERM:
		return TEEC_ERROR_ACCESS_DENIED;
	case ENAMETOOLONG:
		return TEEC_ERROR_BAD_PARAMETERS;
	default:
		return TEEC_ERROR_GENERIC;
	}
}

int supp_fs_init(struct supp_fs *fs, const char *root)
{
	memset(fs, 0, sizeof(*fs));
	pthread_mutex_init(&fs->mutex, NULL);
	fs->rootfd = -1;
	fs->root = strdup(root);
	return fs->root ? 0 : -1;
}

void supp_fs_fini(struct supp_fs *fs)
{
	for (size_t i = 0; i < fs->cap; i++) {
		struct supp_fs_handle *h = &fs->h[i];

		if (!h->used)
			continue;
		if (h->is_dir)
			closedir(h->dir);
		else
			close(h->fd);
		free(h->pending);
	}
	free(fs->h);
	if (fs->rootfd >= 0)
		close(fs->rootfd);
	free(fs->root);
	pthread_mutex_destroy(&fs->mutex);
	memset(fs, 0, sizeof(*fs));
	fs->rootfd = -1;
}

/* Creates (0700, with parents) and opens the root on first use. */
static uint32_t ensure_root(struct supp_fs *fs)
{
	int rc;

	if (fs->rootfd >= 0)
		return TEEC_SUCCESS;
	rc = supp_mkdir_p(fs->root, 0700);
	if (!rc) {
		fs->rootfd = open(fs->root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		rc = fs->rootfd < 0 ? -errno : 0;
	}
	if (rc) {
		EMSG("FS root %s: %s", fs->root, strerror(-rc));
		return TEEC_ERROR_STORAGE_NOT_AVAILABLE;
	}
	IMSG("REE FS root %s", fs->root);
	return TEEC_SUCCESS;
}

/* ---- handles -------------------------------------------------------------- */

static uint64_t handle_value(const struct supp_fs *fs,
			     const struct supp_fs_handle *h)
{
	size_t idx = (size_t)(h - fs->h);

	return (uint64_t)(h->gen & 0x7fff) << 16 | (idx + 1);
}

static struct supp_fs_handle *handle_new(struct supp_fs *fs)
{
	for (size_t i = 0; i < fs->cap; i++)
		if (!fs->h[i].used) {
			fs->h[i].gen++;
			fs->h[i].used = true;
			return &fs->h[i];
		}
	if (fs->cap == SUPP_FS_MAX_HANDLES)
		return NULL;
	size_t ncap = fs->cap ? fs->cap * 2 : 16;
	struct supp_fs_handle *n;

	if (ncap > SUPP_FS_MAX_HANDLES)
		ncap = SUPP_FS_MAX_HANDLES;
	n = realloc(fs->h, ncap * sizeof(*n));
	if (!n)
		return NULL;
	memset(n + fs->cap, 0, (ncap - fs->cap) * sizeof(*n));
	fs->h = n;
	n = &fs->h[fs->cap];
	fs->cap = ncap;
	n->used = true;
	n->gen = 1;
	return n;
}

static struct supp_fs_handle *handle_find(struct supp_fs *fs, uint64_t v,
					  bool is_dir)
{
	uint64_t idx = (v & 0xffff) - 1;
	struct supp_fs_handle *h;

	if (v > 0x7fffffffu || !(v & 0xffff) || idx >= fs->cap)
		return NULL;
	h = &fs->h[idx];
	if (!h->used || h->is_dir != is_dir || (h->gen & 0x7fff) != v >> 16)
		return NULL;
	return h;
}

static void handle_release(struct supp_fs_handle *h)
{
	free(h->pending);
	h->pending = NULL;
	h->dir = NULL;
	h->fd = -1;
	h->used = false;
}

/* ---- helpers -------------------------------------------------------------- */

/* Opens the directory holding name's last component (which must exist). */
static uint32_t open_parent(struct supp_fs *fs, const char *name,
			    struct supp_path *p, bool create, int *dfd)
{
	uint32_t res = ensure_root(fs);

	if (res)
		return res;
	if (supp_path_parse(name, p) || !p->n) {
		WMSG("FS: rejected name \"%.80s\"", name);
		return TEEC_ERROR_BAD_PARAMETERS;
	}
	*dfd = supp_path_open_dir(fs->rootfd, p, p->n - 1, create);
	if (*dfd < 0) {
		if (*dfd == -ELOOP || *dfd == -ENOTDIR)
			WMSG("FS: \"%.80s\" goes through a symlink or file",
			     name);
		return supp_fs_errno_to_teec(-*dfd);
	}
	return TEEC_SUCCESS;
}

/* ---- operations ----------------------------------------------------------- */

uint32_t supp_fs_open(struct supp_fs *fs, const char *name, bool create,
		      uint64_t *handle)
{
	struct supp_fs_handle *h;
	struct supp_path p;
	struct stat st;
	int dfd = -1, fd;
	uint32_t res;

	pthread_mutex_lock(&fs->mutex);
	res = open_parent(fs, name, &p, create, &dfd);
	if (res)
		goto out;
	if (create) {
		fd = openat(dfd, supp_path_leaf(&p),
			    O_RDWR | O_CREAT | O_TRUNC | FILE_FLAGS, 0600);
		if (fd >= 0)
			fsync(dfd);
	} else {
		fd = openat(dfd, supp_path_leaf(&p), O_RDWR | FILE_FLAGS);
		if (fd < 0 && (errno == EACCES || errno == EROFS))
			fd = openat(dfd, supp_path_leaf(&p),
				    O_RDONLY | FILE_FLAGS);
	}
	if (fd < 0) {
		res = supp_fs_errno_to_teec(errno);
		goto out;
	}
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		close(fd);
		res = TEEC_ERROR_ACCESS_DENIED;
		goto out;
	}
	h = handle_new(fs);
	if (!h) {
		close(fd);
		res = TEEC_ERROR_OUT_OF_MEMORY;
		goto out;
	}
	h->is_dir = false;
	h->fd = fd;
	*handle = handle_value(fs, h);
out:
	if (dfd >= 0)
		close(dfd);
	pthread_mutex_unlock(&fs->mutex);
	DMSG("FS %s \"%.80s\" -> 0x%x", create ? "CREATE" : "OPEN", name, res);
	return res;
}

uint32_t supp_fs_close(struct supp_fs *fs, uint64_t handle)
{
	struct supp_fs_handle *h;
	uint32_t res = TEEC_ERROR_BAD_PARAMETERS;

	pthread_mutex_lock(&fs->mutex);
	h = handle_find(fs, handle, false);
	if (h) {
		res = close(h->fd) ? TEEC_ERROR_GENERIC : TEEC_SUCCESS;
		handle_release(h);
	}
	pthread_mutex_unlock(&fs->mutex);
	return res;
}

uint32_t supp_fs_read(struct supp_fs *fs, uint64_t handle, uint64_t offset,
		      void *buf, size_t *len)
{
	struct supp_fs_handle *h;
	uint32_t res = TEEC_SUCCESS;
	size_t done = 0;

	if (offset > INT64_MAX || *len > INT64_MAX - offset)
		return TEEC_ERROR_BAD_PARAMETERS;
	pthread_mutex_lock(&fs->mutex);
	h = handle_find(fs, handle, false);
	if (!h)
		res = TEEC_ERROR_BAD_PARAMETERS;
	while (h && done < *len) {
		ssize_t n = pread(h->fd, (uint8_t *)buf + done, *len - done,
				  (off_t)(offset + done));

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			res = supp_fs_errno_to_teec(errno);
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	pthread_mutex_unlock(&fs->mutex);
	*len = done;
	return res;
}

uint32_t supp_fs_write(struct supp_fs *fs, uint64_t handle, uint64_t offset,
		       const void *buf, size_t len)
{
	struct supp_fs_handle *h;
	uint32_t res = TEEC_SUCCESS;
	size_t done = 0;

	if (offset > INT64_MAX || len > INT64_MAX - offset)
		return TEEC_ERROR_BAD_PARAMETERS;
	pthread_mutex_lock(&fs->mutex);
	h = handle_find(fs, handle, false);
	if (!h)
		res = TEEC_ERROR_BAD_PARAMETERS;
	while (h && done < len) {
		ssize_t n = pwrite(h->fd, (const uint8_t *)buf + done,
				   len - done, (off_t)(offset + done));

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			res = supp_fs_errno_to_teec(n < 0 ? errno : EIO);
			break;
		}
		done += (size_t)n;
	}
	pthread_mutex_unlock(&fs->mutex);
	return res;
}

uint32_t supp_fs_truncate(struct supp_fs *fs, uint64_t handle,
			  uint64_t length)
{
	struct supp_fs_handle *h;
	uint32_t res = TEEC_ERROR_BAD_PARAMETERS;

	if (length > INT64_MAX)
		return res;
	pthread_mutex_lock(&fs->mutex);
	h = handle_find(fs, handle, false);
	if (h) {
		if (ftruncate(h->fd, (off_t)length) || fsync(h->fd))
			res = supp_fs_errno_to_teec(errno);
		else
			res = TEEC_SUCCESS;
	}
	pthread_mutex_unlock(&fs->mutex);
	return res;
}

uint32_t supp_fs_remove(struct supp_fs *fs, const char *name)
{
	struct supp_path p;
	int dfd = -1;
	uint32_t res;

	pthread_mutex_lock(&fs->mutex);
	res = open_parent(fs, name, &p, false, &dfd);
	if (res)
		goto out;
	if (unlinkat(dfd, supp_path_leaf(&p), 0)) {
		res = supp_fs_errno_to_teec(errno);
		goto out;
	}
	fsync(dfd);
	close(dfd);
	dfd = -1;
	/* Drop the parent and grand-parent directories if now empty. */
	for (size_t k = p.n - 1; k >= 1 && k + 2 >= p.n; k--) {
		int pfd = supp_path_open_dir(fs->rootfd, &p, k - 1, false);
		int rc;

		if (pfd < 0)
			break;
		rc = unlinkat(pfd, p.comp[k - 1], AT_REMOVEDIR);
		if (!rc)
			fsync(pfd);
		close(pfd);
		if (rc)
			break;
	}
out:
	if (dfd >= 0)
		close(dfd);
	pthread_mutex_unlock(&fs->mutex);
	DMSG("FS REMOVE \"%.80s\" -> 0x%x", name, res);
	return res;
}

static int rename_noreplace(int odfd, const char *oleaf, int ndfd,
			    const char *nleaf)
{
	struct stat st;

	if (!renameat2(odfd, oleaf, ndfd, nleaf, RENAME_NOREPLACE))
		return 0;
	if (errno != EINVAL && errno != ENOSYS)
		return -1;
	/* File system without RENAME_NOREPLACE: check, then rename. */
	if (!fstatat(ndfd, nleaf, &st, AT_SYMLINK_NOFOLLOW)) {
		errno = EEXIST;
		return -1;
	}
	return renameat(odfd, oleaf, ndfd, nleaf);
}

uint32_t supp_fs_rename(struct supp_fs *fs, const char *old_name,
			const char *new_name, bool overwrite)
{
	struct supp_path op, np;
	int odfd = -1, ndfd = -1, rc;
	uint32_t res;

	pthread_mutex_lock(&fs->mutex);
	res = open_parent(fs, old_name, &op, false, &odfd);
	if (!res)
		res = open_parent(fs, new_name, &np, false, &ndfd);
	if (res)
		goto out;
	if (overwrite)
		rc = renameat(odfd, supp_path_leaf(&op), ndfd,
			      supp_path_leaf(&np));
	else
		rc = rename_noreplace(odfd, supp_path_leaf(&op), ndfd,
				      supp_path_leaf(&np));
	if (rc) {
		res = errno == EEXIST ? TEEC_ERROR_ACCESS_CONFLICT
				      : supp_fs_errno_to_teec(errno);
		goto out;
	}
	fsync(ndfd);
	fsync(odfd);
out:
	if (odfd >= 0)
		close(odfd);
	if (ndfd >= 0)
		close(ndfd);
	pthread_mutex_unlock(&fs->mutex);
	DMSG("FS RENAME \"%.80s\" -> \"%.80s\" (overwrite %d) -> 0x%x",
	     old_name, new_name, overwrite, res);
	return res;
}

/* Next entry not starting with '.', or NULL. */
static const char *next_visible(DIR *d)
{
	struct dirent *e;

	do {
		errno = 0;
		e = readdir(d);
	} while (e && e->d_name[0] == '.');
	return e ? e->d_name : NULL;
}

uint32_t supp_fs_opendir(struct supp_fs *fs, const char *name,
			 uint64_t *handle)
{
	struct supp_fs_handle *h;
	struct supp_path p;
	uint32_t res;
	DIR *d;
	int fd;

	pthread_mutex_lock(&fs->mutex);
	res = ensure_root(fs);
	if (res)
		goto out;
	if (supp_path_parse(name, &p)) {
		res = TEEC_ERROR_BAD_PARAMETERS;
		goto out;
	}
	fd = supp_path_open_dir(fs->rootfd, &p, p.n, false);
	if (fd < 0) {
		res = supp_fs_errno_to_teec(-fd);
		goto out;
	}
	d = fdopendir(fd);
	if (!d) {
		close(fd);
		res = TEEC_ERROR_GENERIC;
		goto out;
	}
	if (!next_visible(d)) { /* nothing but dot-files */
		closedir(d);
		res = TEEC_ERROR_ITEM_NOT_FOUND;
		goto out;
	}
	rewinddir(d);
	h = handle_new(fs);
	if (!h) {
		closedir(d);
		res = TEEC_ERROR_OUT_OF_MEMORY;
		goto out;
	}
	h->is_dir = true;
	h->dir = d;
	h->fd = -1;
	*handle = handle_value(fs, h);
out:
	pthread_mutex_unlock(&fs->mutex);
	DMSG("FS OPENDIR \"%.80s\" -> 0x%x", name, res);
	return res;
}

uint32_t supp_fs_closedir(struct supp_fs *fs, uint64_t handle)
{
	struct supp_fs_handle *h;
	uint32_t res = TEEC_ERROR_BAD_PARAMETERS;

	pthread_mutex_lock(&fs->mutex);
	h = handle_find(fs, handle, true);
	if (h) {
		closedir(h->dir);
		handle_release(h);
		res = TEEC_SUCCESS;
	}
	pthread_mutex_unlock(&fs->mutex);
	return res;
}

uint32_t supp_fs_readdir(struct supp_fs *fs, uint64_t handle, char *buf,
			 size_t *len)
{
	struct supp_fs_handle *h;
	const char *name;
	uint32_t res = TEEC_SUCCESS;
	size_t need;

	pthread_mutex_lock(&fs->mutex);
	h = handle_find(fs, handle, true);
	if (!h) {
		res = TEEC_ERROR_BAD_PARAMETERS;
		goto out;
	}
	name = h->pending ? h->pending : next_visible(h->dir);
	if (!name) {
		res = TEEC_ERROR_ITEM_NOT_FOUND;
		goto out;
	}
	need = strlen(name) + 1;
	if (!buf || *len < need) {
		if (!h->pending) {
			h->pending = strdup(name);
			if (!h->pending) {
				res = TEEC_ERROR_OUT_OF_MEMORY;
				goto out;
			}
		}
		res = TEEC_ERROR_SHORT_BUFFER;
	} else {
		memcpy(buf, name, need);
		free(h->pending);
		h->pending = NULL;
	}
	*len = need;
out:
	pthread_mutex_unlock(&fs->mutex);
	return res;
}
