/*
 * Command-line parsing (options.h).
 */
#define _GNU_SOURCE
#include "options.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"

enum {
	OPT_TA_PATH = 1000,
	OPT_RPMB_FILE,
	OPT_LOG_LEVEL,
	OPT_LOG_FILE,
	OPT_MAX_THREADS,
	OPT_VERSION,
};

static const struct option long_opts[] = {
	{ "daemonize", no_argument, NULL, 'd' },
	{ "daemon", no_argument, NULL, 'd' },
	{ "foreground", no_argument, NULL, 'F' },
	{ "fs-parent-path", required_argument, NULL, 'f' },
	{ "fs-root", required_argument, NULL, 'f' },
	{ "ta-dir", required_argument, NULL, 't' },
	{ "ta-path", required_argument, NULL, OPT_TA_PATH },
	{ "plugin-path", required_argument, NULL, 'p' },
	{ "rpmb-cid", required_argument, NULL, 'r' },
	{ "rpmb-file", required_argument, NULL, OPT_RPMB_FILE },
	{ "verbose", no_argument, NULL, 'v' },
	{ "log-level", required_argument, NULL, OPT_LOG_LEVEL },
	{ "log-file", required_argument, NULL, OPT_LOG_FILE },
	{ "max-threads", required_argument, NULL, OPT_MAX_THREADS },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 },
};

void supp_options_usage(FILE *f, const char *prog)
{
	fprintf(f,
		"Usage: %s [options] [DEVICE]\n"
		"Serves the OP-TEE secure world's requests (TA loading, REE file\n"
		"system, RPMB emulation, shared memory) on /dev/teepriv*.\n"
		"  -d, --daemonize, --daemon  detach once the device is open\n"
		"  -F, --foreground           stay in the foreground (default)\n"
		"  -f, --fs-parent-path, --fs-root PATH\n"
		"                             REE FS root (default " SUPP_DEFAULT_FS_ROOT ")\n"
		"  -t, --ta-dir DIR           TA directory: absolute, or a name under\n"
		"                             /lib (default " SUPP_DEFAULT_TA_DIR ")\n"
		"      --ta-path DIRS         colon-separated TA directories (overrides -t)\n"
		"      --rpmb-file PATH       RPMB emulation backing file\n"
		"                             (default FS-ROOT/" SUPP_RPMB_FILE_NAME ")\n"
		"  -r, --rpmb-cid HEX         emulated RPMB CID, 32 hex digits\n"
		"  -p, --plugin-path DIR      accepted, ignored (no plugin support)\n"
		"  -v, --verbose              more log output (repeatable)\n"
		"      --log-level LEVEL      error, warn (default), info, debug or 0-3\n"
		"      --log-file PATH        log there (default: stderr; syslog with -d)\n"
		"      --max-threads N        concurrent requests (default %u)\n"
		"  -h, --help                 this text\n"
		"      --version              version\n"
		"DEVICE: teepriv0 or /dev/teepriv0 (default: the first OP-TEE one).\n",
		prog, SUPP_DEFAULT_MAX_THREADS);
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int parse_cid(const char *s, uint8_t cid[16])
{
	if (strlen(s) != 32)
		return -1;
	for (int i = 0; i < 16; i++) {
		int hi = hexval(s[2 * i]), lo = hexval(s[2 * i + 1]);

		if (hi < 0 || lo < 0)
			return -1;
		cid[i] = (uint8_t)(hi << 4 | lo);
	}
	return 0;
}

int supp_options_parse(int argc, char **argv, struct supp_options *o,
		       char *err, size_t errlen)
{
	int c, level = -1, verbose = 0;
	char *end;

	memset(o, 0, sizeof(*o));
	o->fs_root = SUPP_DEFAULT_FS_ROOT;
	o->ta_dir = SUPP_DEFAULT_TA_DIR;
	o->max_threads = SUPP_DEFAULT_MAX_THREADS;
	err[0] = '\0';
	optind = 0; /* full re-initialisation (glibc) */
	opterr = 0;
	while ((c = getopt_long(argc, argv, "dFf:t:p:r:vh", long_opts,
				NULL)) != -1) {
		switch (c) {
		case 'd':
			o->daemonize = true;
			break;
		case 'F':
			o->daemonize = false;
			break;
		case 'f':
			o->fs_root = optarg;
			break;
		case 't':
			o->ta_dir = optarg;
			break;
		case OPT_TA_PATH:
			o->ta_path = optarg;
			break;
		case 'p':
			break; /* plugins are not supported */
		case 'r':
			if (parse_cid(optarg, o->rpmb_cid)) {
				snprintf(err, errlen,
					 "--rpmb-cid wants 32 hex digits");
				return -1;
			}
			o->has_rpmb_cid = true;
			break;
		case OPT_RPMB_FILE:
			o->rpmb_file = optarg;
			break;
		case 'v':
			verbose++;
			break;
		case OPT_LOG_LEVEL:
			level = supp_log_parse_level(optarg);
			if (level < 0) {
				snprintf(err, errlen, "bad log level '%s'",
					 optarg);
				return -1;
			}
			break;
		case OPT_LOG_FILE:
			o->log_file = optarg;
			break;
		case OPT_MAX_THREADS:
			o->max_threads = (unsigned)strtoul(optarg, &end, 10);
			if (*end || !*optarg || !o->max_threads ||
			    o->max_threads > SUPP_MAX_THREADS_LIMIT) {
				snprintf(err, errlen,
					 "--max-threads wants 1..%u",
					 SUPP_MAX_THREADS_LIMIT);
				return -1;
			}
			break;
		case 'h':
			o->help = true;
			break;
		case OPT_VERSION:
			o->version = true;
			break;
		default:
			snprintf(err, errlen, "unknown or incomplete option '%s'",
				 optind > 0 && optind <= argc ? argv[optind - 1]
							      : "?");
			return -1;
		}
	}
	if (optind < argc)
		o->device = argv[optind++];
	if (optind < argc) {
		snprintf(err, errlen, "unexpected argument '%s'", argv[optind]);
		return -1;
	}
	if (!*o->fs_root || !*o->ta_dir || (o->ta_path && !*o->ta_path)) {
		snprintf(err, errlen, "empty path");
		return -1;
	}
	o->log_level = (level < 0 ? SUPP_LOG_WARN : level) + verbose;
	if (o->log_level > SUPP_LOG_DEBUG)
		o->log_level = SUPP_LOG_DEBUG;
	if (!o->rpmb_file) {
		if ((size_t)snprintf(o->rpmb_file_buf, sizeof(o->rpmb_file_buf),
				     "%s/%s", o->fs_root, SUPP_RPMB_FILE_NAME) >=
		    sizeof(o->rpmb_file_buf)) {
			snprintf(err, errlen, "FS root path too long");
			return -1;
		}
		o->rpmb_file = o->rpmb_file_buf;
	}
	return 0;
}
