/*
 * Decoding of the asymmetric and key derivation system calls
 * (rampart/abi/utee_cryp.h): the parameters and the input are copied into
 * the core (at most one RSA-4096 block: more is no valid input for any of
 * these algorithms), the output is computed into the core and copied out,
 * its size written back on success and on TEE_ERROR_SHORT_BUFFER.
 */
#include <stdlib.h>
#include <tee/syscall_cryp.h>

#include "cryp/cryp_asym.h"
#include "cryp/cryp_syscall.h"

static uint32_t mode_of(uint64_t nr)
{
	switch (nr) {
	case UTEE_SYS_CRYP_ASYM_ENCRYPT:
		return TEE_MODE_ENCRYPT;
	case UTEE_SYS_CRYP_ASYM_DECRYPT:
		return TEE_MODE_DECRYPT;
	case UTEE_SYS_CRYP_ASYM_SIGN:
		return TEE_MODE_SIGN;
	}
	return TEE_MODE_VERIFY;
}

/* Input, and for verify the signature, as core copies. */
struct asym_bufs {
	uint8_t in[CRYP_ASYM_MAX_BLOCK];
	uint8_t out[CRYP_ASYM_MAX_BLOCK];
};

static TEE_Result sys_asym(struct cryp_op *op, uint64_t nr, uint64_t va)
{
	struct utee_asym_io io;
	struct sc_attrs at = {.n = 0};
	struct asym_bufs *b;
	uint32_t mode = mode_of(nr);
	size_t out_len;
	TEE_Result res = sc_copy_in(&io, va, sizeof(io));

	if (res)
		return res;
	if (mode != TEE_MODE_VERIFY) {
		struct cryp_span dst;

		res = sc_copy_out(va, &io, sizeof(io)); /* dst_len comes back */
		if (!res)
			res = sc_span(io.dst, io.dst_len, true, &dst);
	}
	if (res)
		return res;
	/* Longer than any key of these algorithms takes. */
	if (io.src_len > CRYP_ASYM_MAX_BLOCK)
		return TEE_ERROR_BAD_PARAMETERS;
	b = calloc(1, sizeof(*b));
	if (!b)
		return TEE_ERROR_OUT_OF_MEMORY;
	res = sc_copy_in(b->in, io.src, io.src_len);
	if (!res && mode == TEE_MODE_VERIFY) {
		/* A signature longer than any is simply invalid. */
		if (io.dst_len <= sizeof(b->out))
			res = sc_copy_in(b->out, io.dst, io.dst_len);
	}
	if (!res)
		res = sc_attrs_decode(io.params, io.num_params, &at);
	if (res)
		goto out;
	/*
	 * Room for the output; verify: the signature's length, or one more
	 * than the buffer for a longer one, which no key accepts (the
	 * backends check the length before reading).
	 */
	out_len = io.dst_len < sizeof(b->out) ? (size_t)io.dst_len
					      : sizeof(b->out);
	if (mode == TEE_MODE_VERIFY && io.dst_len > sizeof(b->out))
		out_len = sizeof(b->out) + 1;
	res = cryp_asym_run(op, mode, at.in, at.n, b->in, (size_t)io.src_len,
			    b->out, &out_len);
	if (mode != TEE_MODE_VERIFY &&
	    (!res || res == TEE_ERROR_SHORT_BUFFER)) {
		if (!res)
			(void)sc_copy_out(io.dst, b->out, out_len);
		io.dst_len = out_len;
		(void)sc_copy_out(va, &io, sizeof(io));
	}
	sc_attrs_free(&at);
out:
	crypto_wipe(b, sizeof(*b));
	free(b);
	return res;
}

static TEE_Result sys_derive(struct cryp_inst *ci, struct cryp_op *op,
			     const uint64_t a[6])
{
	struct sc_attrs at = {.n = 0};
	struct cryp_obj *dst;
	TEE_Result res = sc_obj(ci, a[3], &dst);

	if (!res)
		res = sc_attrs_decode(a[1], a[2], &at);
	if (res)
		return res;
	res = cryp_derive(ci, op, at.in, at.n, dst);
	sc_attrs_free(&at);
	return res;
}

TEE_Result syscall_cryp_asym(struct cryp_inst *ci, uint64_t nr,
			     const uint64_t a[6])
{
	struct cryp_op *op;
	TEE_Result res = sc_op(ci, a[0], &op);

	if (res)
		return res;
	if (nr == UTEE_SYS_CRYP_DERIVE_KEY)
		return sys_derive(ci, op, a);
	return sys_asym(op, nr, a[1]);
}
