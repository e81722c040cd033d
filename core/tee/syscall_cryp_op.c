/*
 * Decoding of the operation system calls (rampart/abi/utee_cryp.h): the
 * handles become the instance's operations and objects, pointers are
 * checked and become spans, in/out sizes are read once and written back
 * (with the size needed on TEE_ERROR_SHORT_BUFFER). The work is done in
 * core/tee/cryp/.
 */
#include <tee/syscall_cryp.h>

#include "cryp/cryp_syscall.h"

/* (src, src_len, dst, *dst_len) at a[1..4], the common data call shape. */
struct io {
	struct cryp_span in, out;
	uint64_t len_va;
	size_t out_len;
};

static TEE_Result io_decode(const uint64_t a[6], struct io *io)
{
	uint64_t cap;
	TEE_Result res = sc_span(a[1], a[2], false, &io->in);

	if (!res)
		res = sc_get_u64(a[4], &cap);
	if (!res)
		res = sc_span(a[3], cap, true, &io->out);
	io->len_va = a[4];
	io->out_len = (size_t)cap;
	return res;
}

/* The size back to the TA, on success and on SHORT_BUFFER. */
static TEE_Result io_done(const struct io *io, TEE_Result res)
{
	if (!res || res == TEE_ERROR_SHORT_BUFFER)
		sc_put_u64(io->len_va, io->out_len);
	return res;
}

static TEE_Result sys_op_alloc(struct cryp_inst *ci, const uint64_t a[6])
{
	uint32_t algo, mode, max, h = 0;
	TEE_Result res;

	if (!sc_u32(a[0], &algo) || !sc_u32(a[1], &mode) || !sc_u32(a[2], &max))
		return TEE_ERROR_NOT_SUPPORTED;
	res = sc_copy_out(a[3], &h, sizeof(h)); /* checks the pointer */
	if (!res)
		res = cryp_op_alloc(ci, algo, mode, max, &h);
	if (!res)
		res = sc_copy_out(a[3], &h, sizeof(h));
	return res;
}

static TEE_Result sys_set_key(struct cryp_inst *ci, struct cryp_op *op,
			      const uint64_t a[6])
{
	struct cryp_obj *k1 = NULL, *k2 = NULL;
	TEE_Result res = TEE_SUCCESS;

	if (a[1])
		res = sc_obj(ci, a[1], &k1);
	if (!res && a[2])
		res = sc_obj(ci, a[2], &k2);
	if (res)
		return res;
	if (a[3] & ~(uint64_t)UTEE_CRYP_SET_KEY_GP11)
		return TEE_ERROR_BAD_FORMAT;
	return cryp_op_set_key(ci, op, k1, k2, a[3] & UTEE_CRYP_SET_KEY_GP11);
}

static TEE_Result sys_digest(struct cryp_op *op, uint64_t nr,
			     const uint64_t a[6])
{
	struct io io;
	uint64_t cap;
	TEE_Result res;

	if (nr == UTEE_SYS_CRYP_DIGEST_UPDATE) {
		res = sc_span(a[1], a[2], false, &io.in);
		return res ? res : cryp_digest_update(op, &io.in);
	}
	if (nr == UTEE_SYS_CRYP_DIGEST_FINAL) {
		res = io_decode(a, &io);
		return res ? res
			   : io_done(&io, cryp_digest_final(op, &io.in, &io.out,
							    &io.out_len));
	}
	/* EXTRACT (handle, dst, *len) */
	res = sc_get_u64(a[2], &cap);
	if (!res)
		res = sc_span(a[1], cap, true, &io.out);
	if (res)
		return res;
	io.len_va = a[2];
	io.out_len = (size_t)cap;
	return io_done(&io, cryp_digest_extract(op, &io.out, &io.out_len));
}

static TEE_Result sys_cipher_mac(struct cryp_op *op, uint64_t nr,
				 const uint64_t a[6])
{
	uint8_t iv[CRYPTO_CIPHER_MAX_BLOCK], mac[CRYPTO_MAC_MAX_SIZE];
	struct io io;
	TEE_Result res;

	switch (nr) {
	case UTEE_SYS_CRYP_CIPHER_INIT:
		/* An IV longer than a block is refused (or ignored: ECB). */
		if (a[2] > sizeof(iv))
			return cryp_cipher_init(op, NULL, (size_t)a[2]);
		res = sc_copy_in(iv, a[1], a[2]);
		return res ? res
			   : cryp_cipher_init(op, a[2] ? iv : NULL,
					      (size_t)a[2]);
	case UTEE_SYS_CRYP_CIPHER_UPDATE:
	case UTEE_SYS_CRYP_CIPHER_FINAL:
		res = io_decode(a, &io);
		if (res)
			return res;
		if (nr == UTEE_SYS_CRYP_CIPHER_UPDATE)
			res = cryp_cipher_update(op, &io.in, &io.out,
						 &io.out_len);
		else
			res = cryp_cipher_final(op, &io.in, &io.out,
						&io.out_len);
		return io_done(&io, res);
	case UTEE_SYS_CRYP_MAC_INIT:
		return cryp_mac_init(op); /* no MAC here takes an IV */
	case UTEE_SYS_CRYP_MAC_UPDATE:
		res = sc_span(a[1], a[2], false, &io.in);
		return res ? res : cryp_mac_update(op, &io.in);
	case UTEE_SYS_CRYP_MAC_FINAL:
		res = io_decode(a, &io);
		return res ? res
			   : io_done(&io, cryp_mac_final(op, &io.in, &io.out,
							 &io.out_len));
	case UTEE_SYS_CRYP_MAC_COMPARE:
		res = sc_span(a[1], a[2], false, &io.in);
		/* A longer MAC cannot match: compared by length only. */
		if (!res && a[4] <= sizeof(mac))
			res = sc_copy_in(mac, a[3], a[4]);
		return res ? res
			   : cryp_mac_compare(op, &io.in, mac, (size_t)a[4]);
	}
	return TEE_ERROR_NOT_SUPPORTED;
}

static TEE_Result sys_ae_final(struct cryp_inst *ci, struct cryp_op *op,
			       uint64_t nr, uint64_t va)
{
	struct utee_ae_final f;
	struct cryp_span in, out, tag;
	uint8_t tag_in[16];
	size_t out_len, tag_len;
	TEE_Result res = sc_copy_in(&f, va, sizeof(f));

	if (!res)
		res = sc_copy_out(va, &f, sizeof(f)); /* writable too */
	if (!res)
		res = sc_span(f.src, f.src_len, false, &in);
	if (!res)
		res = sc_span(f.dst, f.dst_len, true, &out);
	if (res)
		return res;
	out_len = (size_t)f.dst_len;
	tag_len = (size_t)f.tag_len;
	if (nr == UTEE_SYS_CRYP_AE_ENC_FINAL) {
		res = sc_span(f.tag, f.tag_len, true, &tag);
		if (res)
			return res;
		res = cryp_ae_encrypt_final(ci, op, &in, &out, &out_len, &tag,
					    &tag_len);
	} else {
		/* A tag longer than any is a mismatch: not even read. */
		if (f.tag_len <= sizeof(tag_in))
			res = sc_copy_in(tag_in, f.tag, f.tag_len);
		if (res)
			return res;
		res = cryp_ae_decrypt_final(ci, op, &in, &out, &out_len, tag_in,
					    tag_len);
	}
	if (!res || res == TEE_ERROR_SHORT_BUFFER) {
		f.dst_len = out_len;
		f.tag_len = tag_len;
		(void)sc_copy_out(va, &f, sizeof(f));
	}
	return res;
}

static TEE_Result sys_ae(struct cryp_inst *ci, struct cryp_op *op, uint64_t nr,
			 const uint64_t a[6])
{
	uint8_t nonce[CRYP_AE_MAX_NONCE];
	uint32_t tag_bits;
	struct io io;
	TEE_Result res;

	switch (nr) {
	case UTEE_SYS_CRYP_AE_INIT:
		if (!sc_u32(a[3], &tag_bits))
			return TEE_ERROR_NOT_SUPPORTED;
		if (a[2] > sizeof(nonce)) /* too long for any: refused */
			return cryp_ae_init(ci, op, NULL, (size_t)a[2],
					    tag_bits, a[4], a[5]);
		res = sc_copy_in(nonce, a[1], a[2]);
		return res ? res
			   : cryp_ae_init(ci, op, a[2] ? nonce : NULL,
					  (size_t)a[2], tag_bits, a[4], a[5]);
	case UTEE_SYS_CRYP_AE_UPDATE_AAD:
		res = sc_span(a[1], a[2], false, &io.in);
		return res ? res : cryp_ae_update_aad(ci, op, &io.in);
	case UTEE_SYS_CRYP_AE_UPDATE:
		res = io_decode(a, &io);
		return res ? res
			   : io_done(&io, cryp_ae_update(op, &io.in, &io.out,
							 &io.out_len));
	case UTEE_SYS_CRYP_AE_ENC_FINAL:
	case UTEE_SYS_CRYP_AE_DEC_FINAL:
		return sys_ae_final(ci, op, nr, a[1]);
	}
	return TEE_ERROR_NOT_SUPPORTED;
}

TEE_Result syscall_cryp_op(struct cryp_inst *ci, uint64_t nr,
			   const uint64_t a[6])
{
	struct utee_operation_info info;
	struct cryp_op *op, *src;
	uint32_t algo, element;
	TEE_Result res;

	if (nr == UTEE_SYS_CRYP_OP_ALLOC)
		return sys_op_alloc(ci, a);
	if (nr == UTEE_SYS_CRYP_ALG_SUPPORTED)
		return sc_u32(a[0], &algo) && sc_u32(a[1], &element)
			       ? cryp_alg_supported(algo, element)
			       : TEE_ERROR_NOT_SUPPORTED;
	if (nr < UTEE_SYS_CRYP_OP_FREE || nr > UTEE_SYS_CRYP_AE_DEC_FINAL)
		return TEE_ERROR_NOT_SUPPORTED;
	res = sc_op(ci, a[0], &op);
	if (res)
		return res;
	switch (nr) {
	case UTEE_SYS_CRYP_OP_FREE:
		cryp_op_free(ci, (uint32_t)a[0]);
		return TEE_SUCCESS;
	case UTEE_SYS_CRYP_OP_GET_INFO:
		cryp_op_info(op, &info);
		return sc_copy_out(a[1], &info, sizeof(info));
	case UTEE_SYS_CRYP_OP_RESET:
		return cryp_op_reset(ci, op);
	case UTEE_SYS_CRYP_OP_SET_KEY:
		return sys_set_key(ci, op, a);
	case UTEE_SYS_CRYP_OP_COPY:
		res = sc_op(ci, a[1], &src);
		return res ? res : cryp_op_copy(ci, op, src);
	case UTEE_SYS_CRYP_DIGEST_UPDATE:
	case UTEE_SYS_CRYP_DIGEST_FINAL:
	case UTEE_SYS_CRYP_DIGEST_EXTRACT:
		return sys_digest(op, nr, a);
	}
	if (nr >= UTEE_SYS_CRYP_CIPHER_INIT && nr <= UTEE_SYS_CRYP_MAC_COMPARE)
		return sys_cipher_mac(op, nr, a);
	return sys_ae(ci, op, nr, a);
}
