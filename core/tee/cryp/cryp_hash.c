/*
 * Digest operations (TEE_DigestUpdate, TEE_DigestDoFinal, and GP 1.3.1's
 * TEE_DigestExtract, which finalizes once and then hands the digest out in
 * pieces). A digest operation is always initialized.
 */
#include <string.h>

#include "cryp.h"

static TEE_Result hash_alloc(struct cryp_op *op)
{
	return crypto_hash_alloc(op->alg->backend, &op->u.hash.h);
}

static void hash_free(struct cryp_op *op)
{
	crypto_hash_free(op->u.hash.h);
	op->u.hash.h = NULL;
}

static void hash_reset(struct cryp_inst *ci, struct cryp_op *op)
{
	(void)ci;
	crypto_hash_init(op->u.hash.h);
	crypto_wipe(op->u.hash.digest, sizeof(op->u.hash.digest));
	op->u.hash.extracted = 0;
	op->op_state = TEE_OPERATION_STATE_INITIAL;
	op->handle_state &= ~TEE_HANDLE_FLAG_EXTRACTING;
}

static TEE_Result hash_copy(struct cryp_inst *ci, struct cryp_op *dst,
			    const struct cryp_op *src)
{
	(void)ci;
	crypto_hash_copy(dst->u.hash.h, src->u.hash.h);
	memcpy(dst->u.hash.digest, src->u.hash.digest,
	       sizeof(dst->u.hash.digest));
	dst->u.hash.extracted = src->u.hash.extracted;
	return TEE_SUCCESS;
}

const struct cryp_class_ops cryp_hash_ops = {
	.alloc = hash_alloc,
	.free = hash_free,
	.reset = hash_reset,
	.copy = hash_copy,
};

static void run_hash(void *ctx, const uint8_t *in, uint8_t *out, size_t len)
{
	(void)out;
	crypto_hash_update(ctx, in, len);
}

/* Straight from TA memory: a digest or MAC reads each byte once. */
static void feed(struct cryp_op *op, const struct cryp_span *in)
{
	cryp_run_on_user(run_hash, op->u.hash.h, in, 0, NULL, 0, in->len);
}

static bool extracting(const struct cryp_op *op)
{
	return op->op_state == TEE_OPERATION_STATE_EXTRACTING;
}

TEE_Result cryp_digest_update(struct cryp_op *op, const struct cryp_span *in)
{
	TEE_Result res = cryp_op_check(op, TEE_OPERATION_DIGEST, false);

	if (res)
		return res;
	if (extracting(op))
		return TEE_ERROR_BAD_STATE;
	feed(op, in);
	if (in->len)
		op->op_state = TEE_OPERATION_STATE_ACTIVE;
	return TEE_SUCCESS;
}

TEE_Result cryp_digest_final(struct cryp_op *op, const struct cryp_span *in,
			     const struct cryp_span *out, size_t *out_len)
{
	TEE_Result res = cryp_op_check(op, TEE_OPERATION_DIGEST, false);
	size_t need = op->alg->out_len;

	if (res)
		return res;
	if (extracting(op)) {
		/* Only what TEE_DigestExtract has not handed out yet. */
		if (in->len)
			return TEE_ERROR_BAD_STATE;
		need -= op->u.hash.extracted;
	}
	if (*out_len < need) {
		*out_len = need;
		return TEE_ERROR_SHORT_BUFFER;
	}
	if (!extracting(op)) {
		feed(op, in);
		crypto_hash_final(op->u.hash.h, op->u.hash.digest);
	}
	cryp_write(out, 0, op->u.hash.digest + op->u.hash.extracted, need);
	*out_len = need;
	hash_reset(NULL, op);
	return TEE_SUCCESS;
}

TEE_Result cryp_digest_extract(struct cryp_op *op, const struct cryp_span *out,
			       size_t *out_len)
{
	TEE_Result res = cryp_op_check(op, TEE_OPERATION_DIGEST, false);
	size_t left, n;

	if (res)
		return res;
	if (!extracting(op)) {
		crypto_hash_final(op->u.hash.h, op->u.hash.digest);
		op->u.hash.extracted = 0;
		op->op_state = TEE_OPERATION_STATE_EXTRACTING;
		op->handle_state |= TEE_HANDLE_FLAG_EXTRACTING;
	}
	left = op->alg->out_len - op->u.hash.extracted;
	n = *out_len < left ? *out_len : left;
	cryp_write(out, 0, op->u.hash.digest + op->u.hash.extracted, n);
	op->u.hash.extracted += n;
	*out_len = n;
	return TEE_SUCCESS;
}
