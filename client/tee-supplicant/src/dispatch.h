/*
 * Serving a decoded request: resolves its memrefs against the shared-memory
 * table and calls the LOAD_TA, FS, RPMB or SHM handler. The supplicant's
 * whole state lives in one struct supp_ctx, shared by all request threads.
 */
#ifndef SUPP_DISPATCH_H
#define SUPP_DISPATCH_H

#include <stdint.h>

#include "fs.h"
#include "request.h"
#include "rpmb.h"
#include "shm.h"
#include "ta_loader.h"

struct supp_ctx {
	struct supp_shm_table shm;
	struct supp_fs fs;
	struct supp_rpmb rpmb;
	struct supp_ta_dirs ta_dirs;
};

/*
 * Serves req (decoded with TEEC_SUCCESS), updating its output params in
 * place. Returns the TEEC result to send back.
 */
uint32_t supp_dispatch(struct supp_ctx *ctx, struct supp_request *req);

#endif
