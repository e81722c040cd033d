/*
 * The REE file system (OPTEE_RPC_CMD_FS) below one root directory. Names are
 * resolved with path.h (no "..", no symlinks, nothing outside the root);
 * open files and directories are known to the secure world only by handles
 * from a private table, so it can never name (or close) a descriptor it did
 * not open. Files are opened O_SYNC; creations, renames and removals fsync
 * the directories involved, so the secure side's ordering holds on disk.
 */
#ifndef SUPP_FS_H
#define SUPP_FS_H

#include <dirent.h>
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SUPP_FS_MAX_HANDLES 1024

struct supp_fs_handle {
	bool used;
	bool is_dir;
	uint16_t gen;   /* bumped at every reuse of the slot */
	int fd;         /* files */
	DIR *dir;       /* directories */
	char *pending;  /* READDIR entry that did not fit the last buffer */
};

struct supp_fs {
	pthread_mutex_t mutex; /* one FS operation at a time */
	char *root;
	int rootfd;            /* -1 until the first request creates/opens it */
	struct supp_fs_handle *h;
	size_t cap;
};

/* Returns 0 or -1 (out of memory). */
int supp_fs_init(struct supp_fs *fs, const char *root);
void supp_fs_fini(struct supp_fs *fs);

/* Every call returns a TEEC code; names are NUL-terminated C strings. */
uint32_t supp_fs_open(struct supp_fs *fs, const char *name, bool create,
		      uint64_t *handle);
uint32_t supp_fs_close(struct supp_fs *fs, uint64_t handle);
/* Reads up to *len bytes at offset; *len = bytes read (short at EOF). */
uint32_t supp_fs_read(struct supp_fs *fs, uint64_t handle, uint64_t offset,
		      void *buf, size_t *len);
uint32_t supp_fs_write(struct supp_fs *fs, uint64_t handle, uint64_t offset,
		       const void *buf, size_t len);
uint32_t supp_fs_truncate(struct supp_fs *fs, uint64_t handle,
			  uint64_t length);
uint32_t supp_fs_remove(struct supp_fs *fs, const char *name);
uint32_t supp_fs_rename(struct supp_fs *fs, const char *old_name,
			const char *new_name, bool overwrite);
uint32_t supp_fs_opendir(struct supp_fs *fs, const char *name,
			 uint64_t *handle);
uint32_t supp_fs_closedir(struct supp_fs *fs, uint64_t handle);
/*
 * Next entry not starting with '.', NUL-terminated into buf[0..*len);
 * *len = its size with the NUL. TEEC_ERROR_SHORT_BUFFER (the entry is kept
 * for the next call) or TEEC_ERROR_ITEM_NOT_FOUND at the end.
 */
uint32_t supp_fs_readdir(struct supp_fs *fs, uint64_t handle, char *buf,
			 size_t *len);

/* errno → TEEC code as the REE FS reports it. */
uint32_t supp_fs_errno_to_teec(int err);

#endif
