/*
 * Authenticated encryption (TEE_AEInit, TEE_AEUpdateAAD, TEE_AEUpdate,
 * TEE_AEEncryptFinal, TEE_AEDecryptFinal) with AES-GCM and AES-CCM, on a
 * backend that takes GCM's AAD only in one piece before the payload and
 * CCM only in one call. So the core buffers:
 *   GCM: the AAD (up to CRYP_AE_MAX_AAD) until the first payload byte,
 *        then streams the payload, holding back a partial block;
 *   CCM: the AAD and the whole payload (up to CRYP_CCM_MAX_PAYLOAD, both
 *        declared at TEE_AEInit), all output comes from the final call.
 * Buffers are charged to the instance's budget. Decryption never releases
 * plaintext of the final call unless the tag matches: GCM's is zeroed in
 * the TA's buffer before returning TEE_ERROR_MAC_INVALID, CCM's is only
 * copied out after the check. (Plaintext a TA already got from
 * TEE_AEUpdate is unauthenticated by GP's design.)
 */
#include <stdlib.h>
#include <string.h>

#include "cryp.h"

struct cryp_ae {
	struct crypto_gcm *gcm; /* GCM only */
	bool ccm, started;
	uint8_t nonce[CRYP_AE_MAX_NONCE];
	size_t nonce_len, tag_len;
	uint8_t *aad;
	size_t aad_len, aad_cap;
	uint8_t *payload; /* CCM */
	size_t payload_len, payload_cap;
	struct cryp_blockbuf buf; /* GCM: a partial block */
};

static TEE_Result ae_alloc(struct cryp_op *op)
{
	struct cryp_ae *ae = calloc(1, sizeof(*ae));

	op->u.ae = ae;
	if (!ae)
		return TEE_ERROR_OUT_OF_MEMORY;
	ae->ccm = op->alg->algo == TEE_ALG_AES_CCM;
	return ae->ccm ? TEE_SUCCESS : crypto_gcm_alloc(&ae->gcm);
}

static void free_buf(struct cryp_inst *ci, uint8_t **p, size_t *cap)
{
	if (*p) {
		crypto_wipe(*p, *cap);
		free(*p);
		if (ci)
			cryp_uncharge(ci, *cap);
	}
	*p = NULL;
	*cap = 0;
}

static void ae_reset(struct cryp_inst *ci, struct cryp_op *op)
{
	struct cryp_ae *ae = op->u.ae;

	free_buf(ci, &ae->aad, &ae->aad_cap);
	free_buf(ci, &ae->payload, &ae->payload_cap);
	ae->aad_len = 0;
	ae->payload_len = 0;
	ae->started = false;
	crypto_wipe(&ae->buf, sizeof(ae->buf));
	op->op_state = TEE_OPERATION_STATE_INITIAL;
	op->handle_state &= ~TEE_HANDLE_FLAG_INITIALIZED;
}

static void ae_free(struct cryp_op *op)
{
	struct cryp_ae *ae = op->u.ae;

	if (!ae)
		return;
	/* cryp_op_free() reset it first, giving the buffers back. */
	crypto_gcm_free(ae->gcm);
	crypto_wipe(ae, sizeof(*ae));
	free(ae);
	op->u.ae = NULL;
}

/* A charged buffer of @cap bytes with @len bytes of @src. */
static TEE_Result new_buf(struct cryp_inst *ci, size_t cap, const uint8_t *src,
			  size_t len, uint8_t **out)
{
	if (!cap) {
		*out = NULL;
		return TEE_SUCCESS;
	}
	if (!cryp_charge(ci, cap))
		return TEE_ERROR_OUT_OF_MEMORY;
	*out = malloc(cap);
	if (!*out) {
		cryp_uncharge(ci, cap);
		return TEE_ERROR_OUT_OF_MEMORY;
	}
	if (len)
		memcpy(*out, src, len);
	return TEE_SUCCESS;
}

static TEE_Result ae_copy(struct cryp_inst *ci, struct cryp_op *dst,
			  const struct cryp_op *src)
{
	struct cryp_ae *d = dst->u.ae, *s = src->u.ae;
	TEE_Result res;

	if (!(src->handle_state & TEE_HANDLE_FLAG_INITIALIZED))
		return TEE_SUCCESS;
	res = new_buf(ci, s->aad_cap, s->aad, s->aad_len, &d->aad);
	if (res)
		return res;
	d->aad_cap = s->aad_cap;
	res = new_buf(ci, s->payload_cap, s->payload, s->payload_len,
		      &d->payload);
	if (res)
		return res;
	d->payload_cap = s->payload_cap;
	if (!s->ccm) {
		res = crypto_gcm_copy(d->gcm, s->gcm);
		if (res)
			return res;
	}
	d->started = s->started;
	memcpy(d->nonce, s->nonce, sizeof(d->nonce));
	d->nonce_len = s->nonce_len;
	d->tag_len = s->tag_len;
	d->aad_len = s->aad_len;
	d->payload_len = s->payload_len;
	d->buf = s->buf;
	return TEE_SUCCESS;
}

const struct cryp_class_ops cryp_ae_ops = {
	.alloc = ae_alloc,
	.free = ae_free,
	.reset = ae_reset,
	.copy = ae_copy,
};

static bool tag_bits_ok(bool ccm, uint32_t bits)
{
	if (bits % 8 || bits > 128)
		return false;
	/* GP 1.3.1 table 6-12. */
	return ccm ? bits >= 32 && bits % 16 == 0 : bits >= 96;
}

TEE_Result cryp_ae_init(struct cryp_inst *ci, struct cryp_op *op,
			const uint8_t *nonce, size_t nonce_len,
			uint32_t tag_bits, uint64_t aad_len,
			uint64_t payload_len)
{
	const struct cryp_attr *k = cryp_op_secret(op, 0);
	struct cryp_ae *ae = op->u.ae;
	uint8_t *aad = NULL, *payload = NULL;
	size_t aad_cap = (size_t)aad_len;
	TEE_Result res = cryp_op_check(op, TEE_OPERATION_AE, false);

	if (res)
		return res;
	if (!(op->handle_state & TEE_HANDLE_FLAG_KEY_SET) || !k ||
	    op->op_state != TEE_OPERATION_STATE_INITIAL)
		return TEE_ERROR_BAD_STATE;
	if (!tag_bits_ok(ae->ccm, tag_bits))
		return TEE_ERROR_NOT_SUPPORTED;
	if (ae->ccm ? nonce_len < 7 || nonce_len > 13 : !nonce_len)
		return TEE_ERROR_BAD_FORMAT;
	if (!ae->ccm && nonce_len > CRYP_AE_MAX_NONCE)
		return TEE_ERROR_NOT_SUPPORTED;
	if (!nonce)
		return TEE_ERROR_BAD_FORMAT;
	if (ae->ccm) {
		if (aad_len > CRYP_AE_MAX_AAD ||
		    payload_len > CRYP_CCM_MAX_PAYLOAD)
			return TEE_ERROR_NOT_SUPPORTED;
		if (!crypto_ccm_sizes_ok(k->len, nonce_len, tag_bits / 8,
					 aad_len, payload_len))
			return TEE_ERROR_BAD_FORMAT;
		res = new_buf(ci, aad_cap, NULL, 0, &aad);
		if (!res)
			res = new_buf(ci, payload_len, NULL, 0, &payload);
		if (res) {
			free_buf(ci, &aad, &aad_cap);
			return res;
		}
	} else {
		res = crypto_gcm_init(ae->gcm, k->buf, k->len);
		if (res)
			return res == TEE_ERROR_BAD_PARAMETERS
				       ? TEE_ERROR_BAD_FORMAT
				       : res;
	}
	ae_reset(ci, op);
	ae->aad = aad;
	ae->aad_cap = aad ? aad_len : 0;
	ae->payload = payload;
	ae->payload_cap = payload ? payload_len : 0;
	memcpy(ae->nonce, nonce, nonce_len);
	ae->nonce_len = nonce_len;
	ae->tag_len = tag_bits / 8;
	op->digest_len = ae->tag_len;
	op->handle_state |= TEE_HANDLE_FLAG_INITIALIZED;
	return TEE_SUCCESS;
}

TEE_Result cryp_ae_update_aad(struct cryp_inst *ci, struct cryp_op *op,
			      const struct cryp_span *aad)
{
	struct cryp_ae *ae = op->u.ae;
	size_t need;
	TEE_Result res = cryp_op_check(op, TEE_OPERATION_AE, true);

	if (res)
		return res;
	/* All AAD comes before the payload. */
	if (op->op_state != TEE_OPERATION_STATE_INITIAL || ae->started)
		return TEE_ERROR_BAD_STATE;
	need = ae->aad_len + aad->len; /* both bounded by the decoder */
	if (ae->ccm && need > ae->aad_cap)
		return TEE_ERROR_BAD_FORMAT; /* more than TEE_AEInit said */
	if (need > CRYP_AE_MAX_AAD)
		return TEE_ERROR_OUT_OF_MEMORY;
	if (need > ae->aad_cap) {
		size_t cap = ae->aad_cap * 2 > need ? ae->aad_cap * 2 : need;
		uint8_t *p;

		if (cap < 64)
			cap = 64;
		if (cap > CRYP_AE_MAX_AAD)
			cap = CRYP_AE_MAX_AAD;
		res = new_buf(ci, cap, ae->aad, ae->aad_len, &p);
		if (res)
			return res;
		free_buf(ci, &ae->aad, &ae->aad_cap);
		ae->aad = p;
		ae->aad_cap = cap;
	}
	cryp_read(ae->aad + ae->aad_len, aad, 0, aad->len);
	ae->aad_len = need;
	return TEE_SUCCESS;
}

static void run_gcm(void *ctx, const uint8_t *in, uint8_t *out, size_t len)
{
	crypto_gcm_update(ctx, in, out, len);
}

static void gcm_start(struct cryp_op *op)
{
	struct cryp_ae *ae = op->u.ae;

	if (ae->started)
		return;
	crypto_gcm_start(ae->gcm, op->mode == TEE_MODE_ENCRYPT, ae->nonce,
			 ae->nonce_len, ae->aad, ae->aad_len);
	ae->started = true;
}

TEE_Result cryp_ae_update(struct cryp_op *op, const struct cryp_span *in,
			  const struct cryp_span *out, size_t *out_len)
{
	struct cryp_ae *ae = op->u.ae;
	size_t n;
	TEE_Result res = cryp_op_check(op, TEE_OPERATION_AE, true);

	if (res)
		return res;
	if (ae->ccm) {
		if (in->len > ae->payload_cap - ae->payload_len)
			return TEE_ERROR_BAD_FORMAT;
		cryp_read(ae->payload + ae->payload_len, in, 0, in->len);
		ae->payload_len += in->len;
		*out_len = 0; /* everything comes out of the final call */
	} else {
		n = cryp_stream_plan(ae->buf.len, in->len, 16, false);
		if (*out_len < n) {
			*out_len = n;
			return TEE_ERROR_SHORT_BUFFER;
		}
		gcm_start(op);
		cryp_stream_run(&ae->buf, in, out, 0, n, run_gcm, ae->gcm);
		*out_len = n;
	}
	if (in->len)
		op->op_state = TEE_OPERATION_STATE_ACTIVE;
	return TEE_SUCCESS;
}

/* Checks common to both finals; the output size needed in *need. */
static TEE_Result check_final(const struct cryp_op *op, uint32_t mode,
			      const struct cryp_span *in, size_t *need)
{
	const struct cryp_ae *ae = op->u.ae;
	TEE_Result res = cryp_op_check(op, TEE_OPERATION_AE, true);

	if (res)
		return res;
	if (op->mode != mode)
		return TEE_ERROR_BAD_FORMAT;
	if (ae->ccm) {
		/* CCM needs exactly the lengths declared at TEE_AEInit. */
		if (in->len != ae->payload_cap - ae->payload_len ||
		    ae->aad_len != ae->aad_cap)
			return TEE_ERROR_BAD_FORMAT;
		*need = ae->payload_cap;
	} else {
		*need = ae->buf.len + in->len;
	}
	return TEE_SUCCESS;
}

/* GCM: the rest of the payload, then the tag into @tag. */
static void gcm_finish(struct cryp_op *op, const struct cryp_span *in,
		       const struct cryp_span *out, uint8_t *tag)
{
	struct cryp_ae *ae = op->u.ae;
	size_t total = ae->buf.len + in->len;

	gcm_start(op);
	/* Whole chunks, then one partial call: what mbedTLS allows last. */
	cryp_stream_run(&ae->buf, in, out, 0, total, run_gcm, ae->gcm);
	crypto_gcm_tag(ae->gcm, tag, ae->tag_len);
}

TEE_Result cryp_ae_encrypt_final(struct cryp_inst *ci, struct cryp_op *op,
				 const struct cryp_span *in,
				 const struct cryp_span *out, size_t *out_len,
				 const struct cryp_span *tag, size_t *tag_len)
{
	struct cryp_ae *ae = op->u.ae;
	const struct cryp_attr *k = cryp_op_secret(op, 0);
	uint8_t t[16];
	size_t need = 0;
	bool short_buf = false;
	TEE_Result res = check_final(op, TEE_MODE_ENCRYPT, in, &need);

	if (res)
		return res;
	if (*out_len < need) {
		*out_len = need;
		short_buf = true;
	}
	if (*tag_len < ae->tag_len) {
		*tag_len = ae->tag_len;
		short_buf = true;
	}
	if (short_buf)
		return TEE_ERROR_SHORT_BUFFER;
	if (ae->ccm) {
		cryp_read(ae->payload + ae->payload_len, in, 0, in->len);
		res = crypto_ccm_encrypt(k->buf, k->len, ae->nonce,
					 ae->nonce_len, ae->aad, ae->aad_len,
					 ae->payload, ae->payload,
					 ae->payload_cap, t, ae->tag_len);
		if (res) {
			ae_reset(ci, op);
			return res; /* out of memory in the backend */
		}
		cryp_write(out, 0, ae->payload, ae->payload_cap);
	} else {
		gcm_finish(op, in, out, t);
	}
	cryp_write(tag, 0, t, ae->tag_len);
	*out_len = need;
	*tag_len = ae->tag_len;
	crypto_wipe(t, sizeof(t));
	ae_reset(ci, op);
	return TEE_SUCCESS;
}

static void zero_span(const struct cryp_span *s, size_t len)
{
	static const uint8_t zero[CRYP_CHUNK];

	for (size_t off = 0; off < len; off += sizeof(zero))
		cryp_write(s, off, zero,
			   len - off < sizeof(zero) ? len - off : sizeof(zero));
}

TEE_Result cryp_ae_decrypt_final(struct cryp_inst *ci, struct cryp_op *op,
				 const struct cryp_span *in,
				 const struct cryp_span *out, size_t *out_len,
				 const uint8_t *tag, size_t tag_len)
{
	struct cryp_ae *ae = op->u.ae;
	const struct cryp_attr *k = cryp_op_secret(op, 0);
	uint8_t t[16];
	size_t need = 0;
	TEE_Result res = check_final(op, TEE_MODE_DECRYPT, in, &need);

	if (res)
		return res;
	if (*out_len < need) {
		*out_len = need;
		return TEE_ERROR_SHORT_BUFFER;
	}
	if (ae->ccm) {
		cryp_read(ae->payload + ae->payload_len, in, 0, in->len);
		if (tag_len != ae->tag_len)
			res = TEE_ERROR_MAC_INVALID;
		else
			res = crypto_ccm_decrypt(
				k->buf, k->len, ae->nonce, ae->nonce_len,
				ae->aad, ae->aad_len, ae->payload, ae->payload,
				ae->payload_cap, tag, tag_len);
		if (!res)
			cryp_write(out, 0, ae->payload, ae->payload_cap);
	} else {
		gcm_finish(op, in, out, t);
		if (tag_len != ae->tag_len || !crypto_ct_equal(t, tag, tag_len))
			res = TEE_ERROR_MAC_INVALID;
		if (res)
			zero_span(out, need); /* never seen by the TA */
	}
	if (!res)
		*out_len = need;
	crypto_wipe(t, sizeof(t));
	ae_reset(ci, op);
	return res;
}
