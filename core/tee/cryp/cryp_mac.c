/*
 * MAC operations (TEE_MACInit/Update/ComputeFinal/CompareFinal). The IV
 * GP lets a TA pass to TEE_MACInit is ignored: HMAC and CMAC take none and
 * the CBC-MACs start from a zero block, as in OP-TEE. The comparison is
 * done here, in constant time, so the expected MAC never has to be
 * computed into TA memory.
 */
#include <string.h>

#include "cryp.h"

static TEE_Result mac_alloc(struct cryp_op *op)
{
	return crypto_mac_alloc(op->alg->backend, &op->u.mac.m);
}

static void mac_free(struct cryp_op *op)
{
	crypto_mac_free(op->u.mac.m);
	op->u.mac.m = NULL;
}

static void mac_reset(struct cryp_inst *ci, struct cryp_op *op)
{
	(void)ci;
	op->u.mac.total = 0;
	op->op_state = TEE_OPERATION_STATE_INITIAL;
	op->handle_state &= ~TEE_HANDLE_FLAG_INITIALIZED;
}

static TEE_Result mac_copy(struct cryp_inst *ci, struct cryp_op *dst,
			   const struct cryp_op *src)
{
	(void)ci;
	dst->u.mac.total = src->u.mac.total;
	if (!(src->handle_state & TEE_HANDLE_FLAG_INITIALIZED))
		return TEE_SUCCESS; /* nothing keyed yet */
	return crypto_mac_copy(dst->u.mac.m, src->u.mac.m);
}

const struct cryp_class_ops cryp_mac_ops = {
	.alloc = mac_alloc,
	.free = mac_free,
	.reset = mac_reset,
	.copy = mac_copy,
};

TEE_Result cryp_mac_init(struct cryp_op *op)
{
	const struct cryp_attr *k = cryp_op_secret(op, 0);
	TEE_Result res = cryp_op_check(op, TEE_OPERATION_MAC, false);

	if (res)
		return res;
	if (!(op->handle_state & TEE_HANDLE_FLAG_KEY_SET) || !k)
		return TEE_ERROR_BAD_STATE;
	res = crypto_mac_init(op->u.mac.m, k->buf, k->len);
	if (res == TEE_ERROR_BAD_PARAMETERS)
		return TEE_ERROR_BAD_FORMAT; /* a key the backend refuses */
	if (res)
		return res;
	op->u.mac.total = 0;
	op->op_state = TEE_OPERATION_STATE_ACTIVE;
	op->handle_state |= TEE_HANDLE_FLAG_INITIALIZED;
	return TEE_SUCCESS;
}

static void run_mac(void *ctx, const uint8_t *in, uint8_t *out, size_t len)
{
	(void)out;
	crypto_mac_update(ctx, in, len);
}

/* Straight from TA memory: a digest or MAC reads each byte once. */
static void feed(struct cryp_op *op, const struct cryp_span *in)
{
	cryp_run_on_user(run_mac, op->u.mac.m, in, 0, NULL, 0, in->len);
	op->u.mac.total += in->len;
}

TEE_Result cryp_mac_update(struct cryp_op *op, const struct cryp_span *in)
{
	TEE_Result res = cryp_op_check(op, TEE_OPERATION_MAC, true);

	if (!res)
		feed(op, in);
	return res;
}

/* GP: a no-padding CBC-MAC over a partial block is a panic. */
static TEE_Result check_final(const struct cryp_op *op,
			      const struct cryp_span *in)
{
	TEE_Result res = cryp_op_check(op, TEE_OPERATION_MAC, true);

	if (res)
		return res;
	if ((op->alg->flags & CRYP_ALG_NOPAD) &&
	    (op->u.mac.total + in->len) % op->alg->block)
		return TEE_ERROR_BAD_FORMAT;
	return TEE_SUCCESS;
}

TEE_Result cryp_mac_final(struct cryp_op *op, const struct cryp_span *in,
			  const struct cryp_span *out, size_t *out_len)
{
	uint8_t mac[CRYPTO_MAC_MAX_SIZE];
	size_t size = op->alg->out_len;
	TEE_Result res = check_final(op, in);

	if (res)
		return res;
	if (*out_len < size) {
		*out_len = size;
		return TEE_ERROR_SHORT_BUFFER;
	}
	feed(op, in);
	crypto_mac_final(op->u.mac.m, mac);
	cryp_write(out, 0, mac, size);
	*out_len = size;
	crypto_wipe(mac, sizeof(mac));
	mac_reset(NULL, op);
	return TEE_SUCCESS;
}

TEE_Result cryp_mac_compare(struct cryp_op *op, const struct cryp_span *in,
			    const uint8_t *mac, size_t mac_len)
{
	uint8_t computed[CRYPTO_MAC_MAX_SIZE];
	size_t size = op->alg->out_len;
	TEE_Result res = check_final(op, in);
	bool same;

	if (res)
		return res;
	feed(op, in);
	crypto_mac_final(op->u.mac.m, computed);
	same = mac_len == size && crypto_ct_equal(computed, mac, size);
	crypto_wipe(computed, sizeof(computed));
	mac_reset(NULL, op);
	return same ? TEE_SUCCESS : TEE_ERROR_MAC_INVALID;
}
