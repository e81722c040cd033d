/*
 * TA file lookup for LOAD_TA (ta_loader.h).
 */
#define _GNU_SOURCE
#include "ta_loader.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "log.h"
#include "supp_proto.h"

static int add_dir(struct supp_ta_dirs *d, const char *s, size_t len)
{
	if (!len)
		return 0; /* "a::b": empty entries are skipped */
	if (d->n == SUPP_TA_MAX_DIRS || len >= PATH_MAX)
		return -1;
	d->dir[d->n] = strndup(s, len);
	if (!d->dir[d->n])
		return -1;
	d->n++;
	return 0;
}

int supp_ta_dirs_init(struct supp_ta_dirs *d, const char *ta_dir,
		      const char *ta_path)
{
	char buf[PATH_MAX];
	int rc = 0;

	memset(d, 0, sizeof(*d));
	if (ta_path) {
		const char *s = ta_path;

		while (!rc) {
			const char *e = strchr(s, ':');
			size_t len = e ? (size_t)(e - s) : strlen(s);

			rc = add_dir(d, s, len);
			if (!e)
				break;
			s = e + 1;
		}
	} else {
		if (!ta_dir || !*ta_dir)
			ta_dir = "optee_armtz";
		if (ta_dir[0] == '/')
			rc = add_dir(d, ta_dir, strlen(ta_dir));
		else if ((size_t)snprintf(buf, sizeof(buf), "/lib/%s",
					  ta_dir) >= sizeof(buf))
			rc = -1;
		else
			rc = add_dir(d, buf, strlen(buf));
	}
	if (rc || !d->n) {
		supp_ta_dirs_free(d);
		return -1;
	}
	return 0;
}

void supp_ta_dirs_free(struct supp_ta_dirs *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->dir[i]);
	memset(d, 0, sizeof(*d));
}

void supp_uuid_str(const uint8_t u[16], bool legacy, char out[37])
{
	snprintf(out, 37,
		 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x%s"
		 "%02x%02x%02x%02x%02x%02x",
		 u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9],
		 legacy ? "" : "-", u[10], u[11], u[12], u[13], u[14], u[15]);
}

/* Opens the first <dir>/<uuid>.ta that exists as a regular file. */
static int open_ta(const struct supp_ta_dirs *d, const uint8_t uuid[16],
		   struct stat *st)
{
	char name[40], path[PATH_MAX + 48];

	for (size_t i = 0; i < d->n; i++) {
		for (int legacy = 0; legacy < 2; legacy++) {
			int fd;

			supp_uuid_str(uuid, legacy, name);
			snprintf(path, sizeof(path), "%s/%s.ta", d->dir[i],
				 name);
			fd = open(path, O_RDONLY | O_CLOEXEC);
			if (fd < 0)
				continue;
			if (fstat(fd, st) || !S_ISREG(st->st_mode)) {
				close(fd);
				continue;
			}
			DMSG("LOAD_TA: %s (%lld bytes)", path,
			     (long long)st->st_size);
			return fd;
		}
	}
	return -1;
}

uint32_t supp_ta_load(const struct supp_ta_dirs *d, const uint8_t uuid[16],
		      void *buf, size_t *size)
{
	size_t cap = buf ? *size : 0, done = 0;
	uint8_t *p = buf;
	struct stat st;
	uint32_t res = TEEC_SUCCESS;
	int fd = open_ta(d, uuid, &st);

	if (fd < 0) {
		char name[37];

		supp_uuid_str(uuid, false, name);
		IMSG("LOAD_TA: no %s.ta", name);
		return TEEC_ERROR_ITEM_NOT_FOUND;
	}
	if (st.st_size < 0 || (uint64_t)st.st_size > SUPP_TA_MAX_SIZE) {
		EMSG("LOAD_TA: file too large (%lld bytes)",
		     (long long)st.st_size);
		close(fd);
		return TEEC_ERROR_GENERIC;
	}
	*size = (size_t)st.st_size;
	if (!cap) {
		close(fd);
		return TEEC_SUCCESS;
	}
	if (cap < *size) {
		close(fd);
		return TEEC_ERROR_SHORT_BUFFER;
	}
	while (done < *size) {
		ssize_t n = read(fd, p + done, *size - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			/* error, or the file shrank under us */
			res = TEEC_ERROR_GENERIC;
			break;
		}
		done += (size_t)n;
	}
	close(fd);
	return res;
}
