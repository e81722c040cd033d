/*
 * The supplicant device (/dev/teepriv*) and the request loop: a pool of
 * threads each blocking in TEE_IOC_SUPPL_RECV (asynchronous mode, with the
 * meta parameter), so several secure-world requests are served at once.
 * When the last idle thread takes a request it starts another waiter (up to
 * a bound); surplus idle threads end after their request.
 */
#ifndef SUPP_DEVICE_H
#define SUPP_DEVICE_H

#include <stdbool.h>

#include "dispatch.h"

struct supp_device {
	int fd;
	bool reg_mem;    /* TEE_GEN_CAP_REG_MEM */
	char path[64];
};

/*
 * Opens name ("teepriv0" or "/dev/teepriv0"), or without a name the first
 * of /dev/teepriv0..9 that is an OP-TEE supplicant device. Returns 0 or
 * -errno (-EBUSY: another supplicant holds it).
 */
int supp_device_open(const char *name, struct supp_device *dev);

/*
 * Serves requests until a fatal error; returns only then (the caller
 * exits, which makes the kernel fail whatever was still queued).
 */
int supp_device_run(struct supp_ctx *ctx, const struct supp_device *dev,
		    unsigned max_threads);

#endif
