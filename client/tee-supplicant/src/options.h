/*
 * Command line. Accepts the flags Debian's tee-supplicant 3.19 is started
 * with (-d, -f PATH, -t DIR, and --fs-parent-path / --ta-dir / --ta-path /
 * --plugin-path / --rpmb-cid) plus our own.
 */
#ifndef SUPP_OPTIONS_H
#define SUPP_OPTIONS_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define SUPP_DEFAULT_FS_ROOT "/data/tee"
#define SUPP_DEFAULT_TA_DIR "optee_armtz"
#define SUPP_RPMB_FILE_NAME ".rpmb-emu.img"
#define SUPP_DEFAULT_MAX_THREADS 16u
#define SUPP_MAX_THREADS_LIMIT 256u

struct supp_options {
	const char *device;     /* NULL: first /dev/teepriv0..9 */
	const char *fs_root;
	const char *ta_dir;
	const char *ta_path;    /* NULL unless --ta-path */
	const char *rpmb_file;  /* points to rpmb_file_buf by default */
	char rpmb_file_buf[PATH_MAX];
	uint8_t rpmb_cid[16];
	bool has_rpmb_cid;
	bool daemonize;
	int log_level;
	const char *log_file;
	unsigned max_threads;
	bool help;
	bool version;
};

/*
 * Parses argv (getopt_long; may be called again). Returns 0, or -1 with a
 * message in err[0..errlen) for a usage error.
 */
int supp_options_parse(int argc, char **argv, struct supp_options *o,
		       char *err, size_t errlen);

void supp_options_usage(FILE *f, const char *prog);

#endif
