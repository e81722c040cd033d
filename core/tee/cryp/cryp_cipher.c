/*
 * Symmetric cipher operations (TEE_CipherInit/Update/DoFinal). Output
 * sizes, as GP and OP-TEE have them: an update returns every whole block
 * it can (CTR: every byte), CTS and XTS keep the last two blocks back for
 * the final ciphertext stealing; DoFinal returns everything left. A short
 * output buffer is reported with the size needed before anything is
 * consumed.
 */
#include <string.h>

#include "cryp.h"

static TEE_Result cipher_alloc(struct cryp_op *op)
{
	return crypto_cipher_alloc(op->alg->backend, op->alg->cmode,
				   &op->u.cipher.c);
}

static void cipher_free(struct cryp_op *op)
{
	crypto_cipher_free(op->u.cipher.c);
	op->u.cipher.c = NULL;
}

static void cipher_reset(struct cryp_inst *ci, struct cryp_op *op)
{
	(void)ci;
	crypto_wipe(&op->u.cipher.buf, sizeof(op->u.cipher.buf));
	op->op_state = TEE_OPERATION_STATE_INITIAL;
	op->handle_state &= ~TEE_HANDLE_FLAG_INITIALIZED;
}

static TEE_Result cipher_copy(struct cryp_inst *ci, struct cryp_op *dst,
			      const struct cryp_op *src)
{
	(void)ci;
	crypto_cipher_copy(dst->u.cipher.c, src->u.cipher.c);
	dst->u.cipher.buf = src->u.cipher.buf;
	return TEE_SUCCESS;
}

const struct cryp_class_ops cryp_cipher_ops = {
	.alloc = cipher_alloc,
	.free = cipher_free,
	.reset = cipher_reset,
	.copy = cipher_copy,
};

static void run_cipher(void *ctx, const uint8_t *in, uint8_t *out, size_t len)
{
	crypto_cipher_update(ctx, in, out, len);
}

TEE_Result cryp_cipher_init(struct cryp_op *op, const uint8_t *iv,
			    size_t iv_len)
{
	const struct cryp_attr *k1 = cryp_op_secret(op, 0);
	const struct cryp_attr *k2 = cryp_op_secret(op, 1);
	size_t bs = crypto_cipher_block_size(op->alg->backend);
	TEE_Result res = cryp_op_check(op, TEE_OPERATION_CIPHER, false);

	if (res)
		return res;
	if (!(op->handle_state & TEE_HANDLE_FLAG_KEY_SET) || !k1)
		return TEE_ERROR_BAD_STATE;
	if (!(op->alg->flags & CRYP_ALG_IV)) {
		iv = NULL; /* ECB: an IV is ignored */
		iv_len = 0;
	} else if (!iv || iv_len != bs) {
		return TEE_ERROR_BAD_FORMAT;
	}
	res = crypto_cipher_init(op->u.cipher.c, op->mode == TEE_MODE_ENCRYPT,
				 k1->buf, k1->len, k2 ? k2->buf : NULL, iv,
				 iv_len);
	if (res)
		return TEE_ERROR_BAD_FORMAT; /* a key the backend refuses */
	crypto_wipe(&op->u.cipher.buf, sizeof(op->u.cipher.buf));
	op->op_state = TEE_OPERATION_STATE_ACTIVE;
	op->handle_state |= TEE_HANDLE_FLAG_INITIALIZED;
	return TEE_SUCCESS;
}

TEE_Result cryp_cipher_update(struct cryp_op *op, const struct cryp_span *in,
			      const struct cryp_span *out, size_t *out_len)
{
	TEE_Result res = cryp_op_check(op, TEE_OPERATION_CIPHER, true);
	size_t n;

	if (res)
		return res;
	n = cryp_stream_plan(op->u.cipher.buf.len, in->len, op->alg->block,
			     op->alg->flags & CRYP_ALG_HOLD_TWO);
	if (*out_len < n) {
		*out_len = n;
		return TEE_ERROR_SHORT_BUFFER;
	}
	cryp_stream_run_in_place(&op->u.cipher.buf, in, out, 0, n, run_cipher,
				 op->u.cipher.c);
	*out_len = n;
	return TEE_SUCCESS;
}

TEE_Result cryp_cipher_final(struct cryp_op *op, const struct cryp_span *in,
			     const struct cryp_span *out, size_t *out_len)
{
	struct cryp_blockbuf *b = &op->u.cipher.buf;
	TEE_Result res = cryp_op_check(op, TEE_OPERATION_CIPHER, true);
	bool hold = op->alg->flags & CRYP_ALG_HOLD_TWO;
	size_t bs = op->alg->block, total, n;
	uint8_t tail[sizeof(b->data)];

	if (res)
		return res;
	total = b->len + in->len;
	/* GP: NOPAD input must be whole blocks, CTS/XTS at least one. */
	if ((op->alg->flags & CRYP_ALG_NOPAD) && total % bs)
		return TEE_ERROR_BAD_FORMAT;
	if (hold && total && total < bs)
		return TEE_ERROR_BAD_FORMAT;
	if (*out_len < total) {
		*out_len = total;
		return TEE_ERROR_SHORT_BUFFER;
	}
	n = hold ? cryp_stream_plan(b->len, in->len, bs, true) : total;
	cryp_stream_run_in_place(b, in, out, 0, n, run_cipher, op->u.cipher.c);
	if (b->len) {
		/* CTS/XTS: one block plus up to one more, stolen from. */
		crypto_cipher_final(op->u.cipher.c, b->data, tail, b->len);
		cryp_write(out, n, tail, b->len);
		crypto_wipe(tail, sizeof(tail));
	}
	*out_len = total;
	cipher_reset(NULL, op);
	return TEE_SUCCESS;
}
