/*
 * libFuzzer over the supplicant's pure input handling: the decoding of
 * what TEE_IOC_SUPPL_RECV returns (request.c) and the validation of file
 * names from the secure world (path.c). The first input byte picks the
 * target; invariants that must hold for every accepted input abort.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "path.h"
#include "request.h"
#include "supp_proto.h"

#define REQUIRE(c)                                                             \
	do {                                                                   \
		if (!(c))                                                      \
			abort();                                               \
	} while (0)

static void check_memref(const struct supp_request *req,
			 const struct supp_memref *m)
{
	REQUIRE(m->idx < req->num_params);
	REQUIRE(m->null || m->offs + m->size >= m->offs);
	REQUIRE((req->p[m->idx].attr & 0xf4) == 4); /* a memref type */
}

static void fuzz_decode(const uint8_t *data, size_t size)
{
	uint8_t buf[SUPP_ARG_SIZE], out[SUPP_ARG_SIZE];
	struct supp_request req;
	size_t len = size < sizeof(buf) ? size : sizeof(buf);
	uint32_t res;

	memcpy(buf, data, len);
	res = supp_request_decode(buf, len, &req);
	REQUIRE(res == TEEC_SUCCESS || res == SUPP_DECODE_NO_REPLY ||
		res == TEEC_ERROR_BAD_PARAMETERS ||
		res == TEEC_ERROR_NOT_SUPPORTED ||
		res == TEEC_ERROR_OUT_OF_MEMORY);
	if (res == SUPP_DECODE_NO_REPLY)
		return;
	REQUIRE(req.num_params <= SUPP_MAX_REQ_PARAMS);
	REQUIRE(supp_reply_encode(&req, res, out, sizeof(out)) ==
		sizeof(struct tee_iocl_supp_send_arg) +
			(req.num_params + 1) * sizeof(struct tee_ioctl_param));
	if (res != TEEC_SUCCESS)
		return;
	switch (req.kind) {
	case SUPP_REQ_LOAD_TA:
		REQUIRE(req.num_params == 2);
		check_memref(&req, &req.u.load_ta.ta);
		break;
	case SUPP_REQ_RPMB:
		check_memref(&req, &req.u.rpmb.req);
		check_memref(&req, &req.u.rpmb.rsp);
		REQUIRE(!req.u.rpmb.req.null && !req.u.rpmb.rsp.null);
		break;
	case SUPP_REQ_FS:
		REQUIRE(req.u.fs.op <= SUPP_FS_READDIR);
		REQUIRE(req.num_params >= 1 && req.num_params <= 3);
		if (req.u.fs.op == SUPP_FS_OPEN ||
		    req.u.fs.op == SUPP_FS_CREATE ||
		    req.u.fs.op == SUPP_FS_REMOVE ||
		    req.u.fs.op == SUPP_FS_RENAME ||
		    req.u.fs.op == SUPP_FS_OPENDIR) {
			check_memref(&req, &req.u.fs.m1);
			REQUIRE(!req.u.fs.m1.null && req.u.fs.m1.size);
		}
		break;
	case SUPP_REQ_SHM_ALLOC:
		REQUIRE(req.u.shm_alloc.size &&
			req.u.shm_alloc.size <= SUPP_SHM_MAX_SIZE);
		break;
	case SUPP_REQ_SHM_FREE:
		break;
	default:
		REQUIRE(0);
	}
}

static void fuzz_name(const uint8_t *data, size_t size)
{
	char name[SUPP_NAME_MAX + 1];
	struct supp_path p;
	size_t total = 0;

	if (supp_name_from_buf(data, size, name) != TEEC_SUCCESS)
		return;
	REQUIRE(strlen(name) <= SUPP_NAME_MAX);
	REQUIRE(memchr(data, 0, size) != NULL);
	if (supp_path_parse(name, &p) != TEEC_SUCCESS) {
		REQUIRE(p.n == 0);
		return;
	}
	REQUIRE(p.n <= SUPP_PATH_MAX_DEPTH);
	for (size_t i = 0; i < p.n; i++) {
		size_t len = strlen(p.comp[i]);

		REQUIRE(len >= 1 && len <= SUPP_COMPONENT_MAX);
		REQUIRE(!strchr(p.comp[i], '/'));
		REQUIRE(strcmp(p.comp[i], ".") && strcmp(p.comp[i], ".."));
		REQUIRE(p.comp[i] >= p.buf &&
			p.comp[i] + len < p.buf + sizeof(p.buf));
		total += len + 1;
	}
	REQUIRE(total <= strlen(name) + 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!size)
		return 0;
	if (data[0] & 1)
		fuzz_name(data + 1, size - 1);
	else
		fuzz_decode(data + 1, size - 1);
	return 0;
}
