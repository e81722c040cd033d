/*
 * LOAD_TA: finds <dir>/<uuid>.ta (RFC 4122 name, then the legacy name
 * without the fourth dash) in the configured TA directories and returns its
 * size or its bytes. The file is passed on whole and unparsed: verifying
 * it is the secure world's job.
 */
#ifndef SUPP_TA_LOADER_H
#define SUPP_TA_LOADER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Largest TA file served. */
#define SUPP_TA_MAX_SIZE (64u * 1024 * 1024)
#define SUPP_TA_MAX_DIRS 8

struct supp_ta_dirs {
	size_t n;
	char *dir[SUPP_TA_MAX_DIRS];
};

/*
 * Builds the search list: ta_path (colon-separated directories) if given;
 * else ta_dir itself if absolute, else "/lib/<ta_dir>". Returns 0, or -1 on
 * an empty or too long list. Free with supp_ta_dirs_free.
 */
int supp_ta_dirs_init(struct supp_ta_dirs *d, const char *ta_dir,
		      const char *ta_path);
void supp_ta_dirs_free(struct supp_ta_dirs *d);

/* "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" or, legacy, without the 4th dash. */
void supp_uuid_str(const uint8_t uuid[16], bool legacy, char out[37]);

/*
 * buf NULL (or *size 0): size query. Otherwise reads the file into
 * buf[0..*size). *size is set to the file size in every case a file was
 * found. Returns TEEC_SUCCESS, TEEC_ERROR_ITEM_NOT_FOUND,
 * TEEC_ERROR_SHORT_BUFFER (buffer smaller than the file) or
 * TEEC_ERROR_GENERIC.
 */
uint32_t supp_ta_load(const struct supp_ta_dirs *d, const uint8_t uuid[16],
		      void *buf, size_t *size);

#endif
