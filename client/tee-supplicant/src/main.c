/*
 * tee-supplicant: the normal-world helper of the OP-TEE-compatible secure
 * world. Parses the command line, opens the supplicant device, optionally
 * daemonises, and serves requests (device.c) until killed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "device.h"
#include "dispatch.h"
#include "log.h"
#include "options.h"

#define SUPP_VERSION "rampart-tee-supplicant 1.0 (OP-TEE client 3.19 compatible)"

static int setup_ctx(struct supp_ctx *ctx, const struct supp_options *o)
{
	memset(ctx, 0, sizeof(*ctx));
	if (supp_ta_dirs_init(&ctx->ta_dirs, o->ta_dir, o->ta_path)) {
		EMSG("bad TA directory list");
		return -1;
	}
	if (supp_fs_init(&ctx->fs, o->fs_root) ||
	    supp_rpmb_init(&ctx->rpmb, o->rpmb_file,
			   o->has_rpmb_cid ? o->rpmb_cid : NULL)) {
		EMSG("out of memory");
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct supp_options opts;
	struct supp_device dev;
	struct supp_ctx ctx;
	char err[160];
	int rc;

	if (supp_options_parse(argc, argv, &opts, err, sizeof(err))) {
		fprintf(stderr, "%s: %s\n", argv[0], err);
		supp_options_usage(stderr, argv[0]);
		return 2;
	}
	if (opts.help) {
		supp_options_usage(stdout, argv[0]);
		return 0;
	}
	if (opts.version) {
		puts(SUPP_VERSION);
		return 0;
	}
	umask(077);
	supp_log_set_level(opts.log_level);
	if (opts.log_file) {
		rc = supp_log_open(SUPP_LOG_FILE, opts.log_file);
		if (rc) {
			fprintf(stderr, "%s: %s: %s\n", argv[0], opts.log_file,
				strerror(-rc));
			return 1;
		}
	}
	if (setup_ctx(&ctx, &opts))
		return 1;

	rc = supp_device_open(opts.device, &dev);
	if (rc) {
		EMSG("cannot open %s: %s", opts.device ? opts.device
						       : "/dev/teepriv0..9",
		     rc == -EBUSY ? "in use by another supplicant"
				  : strerror(-rc));
		return 1;
	}
	supp_shm_table_init(&ctx.shm, dev.fd, dev.reg_mem);

	if (opts.daemonize) {
		if (!opts.log_file)
			supp_log_open(SUPP_LOG_SYSLOG, NULL);
		if (daemon(0, 0)) {
			EMSG("daemon: %s", strerror(errno));
			return 1;
		}
	}
	signal(SIGPIPE, SIG_IGN);
	IMSG("%s serving %s (pid %d); FS root %s; TA dir %s; RPMB file %s",
	     SUPP_VERSION, dev.path, (int)getpid(), opts.fs_root,
	     ctx.ta_dirs.dir[0], opts.rpmb_file);
	rc = supp_device_run(&ctx, &dev, opts.max_threads);
	EMSG("request loop ended: %s", strerror(-rc));
	return 1;
}
