/*
 * CRYPT_CMD_RUN: one message through the GP API (see include/crypt_ta.h),
 * its input cut into pieces by a small PRNG so that buffering is exercised
 * with odd sizes, every output appended to the result.
 */
#include <crypt_ta.h>
#include <string.h>
#include <utee_defines.h>

#include "crypt_priv.h"

struct req {
	struct crypt_req h;
	const uint8_t *key, *key2, *iv, *aad, *data, *tag;
};

struct out {
	uint8_t *buf;
	size_t cap, len;
	uint32_t rng;
	bool split;
};

/* The next piece of @left bytes: all if not splitting, often small. */
static size_t piece(struct out *o, size_t left)
{
	uint32_t r;

	if (!o->split)
		return left;
	o->rng = o->rng * 1103515245u + 12345u;
	r = o->rng >> 8;
	if (r % 4 == 0) /* a small piece, maybe empty */
		return (r >> 4) % 3 < left ? (r >> 4) % 3 : left;
	return r % (left + 1);
}

static bool parse(const TEE_Param *p, struct req *r)
{
	const uint8_t *b = p->memref.buffer;
	size_t left = p->memref.size, need = 0;
	const uint8_t **fields[] = {&r->key, &r->key2, &r->iv,
				    &r->aad, &r->data, &r->tag};
	uint32_t lens[6];

	if (!b || left < sizeof(r->h))
		return false;
	memcpy(&r->h, b, sizeof(r->h));
	b += sizeof(r->h);
	left -= sizeof(r->h);
	lens[0] = r->h.key_len;
	lens[1] = r->h.key2_len;
	lens[2] = r->h.iv_len;
	lens[3] = r->h.aad_len;
	lens[4] = r->h.data_len;
	lens[5] = r->h.tag_len;
	for (int i = 0; i < 6; i++) {
		if (lens[i] > left - need)
			return false;
		*fields[i] = b + need;
		need += lens[i];
	}
	return true;
}

static TEE_ObjectHandle key_object(uint32_t type, const uint8_t *key,
				   size_t len)
{
	TEE_ObjectHandle o = TEE_HANDLE_NULL;
	TEE_Attribute a;

	if (!len)
		return TEE_HANDLE_NULL;
	if (TEE_AllocateTransientObject(type, len * 8, &o))
		return TEE_HANDLE_NULL;
	TEE_InitRefAttribute(&a, TEE_ATTR_SECRET_VALUE, key, len);
	if (TEE_PopulateTransientObject(o, &a, 1)) {
		TEE_FreeTransientObject(o);
		return TEE_HANDLE_NULL;
	}
	return o;
}

static uint32_t max_key(const struct req *r)
{
	return r->h.max_key ? r->h.max_key : (r->h.key_len + r->h.key2_len) * 8;
}

/* With CRYPT_F_COPY: the rest of the message goes to a copy. */
static void maybe_copy(const struct req *r, TEE_OperationHandle *op,
		       size_t done, size_t total, bool *copied)
{
	TEE_OperationHandle c;

	if (!(r->h.flags & CRYPT_F_COPY) || *copied || done < total / 2)
		return;
	if (TEE_AllocateOperation(&c, r->h.algo, r->h.mode, max_key(r)))
		TEE_Panic(TEE_ERROR_GENERIC);
	TEE_CopyOperation(c, *op);
	TEE_FreeOperation(*op);
	*op = c;
	*copied = true;
}

static TEE_Result digest(const struct req *r, TEE_OperationHandle *op,
			 struct out *o)
{
	size_t off = 0, n, len;
	bool copied = false;
	TEE_OperationInfo info;

	while ((n = piece(o, r->h.data_len - off)) < r->h.data_len - off) {
		TEE_DigestUpdate(*op, r->data + off, n);
		off += n;
		maybe_copy(r, op, off, r->h.data_len, &copied);
	}
	if (!(r->h.flags & CRYPT_F_EXTRACT)) {
		TEE_Result res;

		len = o->cap;
		res = TEE_DigestDoFinal(*op, r->data + off, n, o->buf, &len);
		if (!res)
			o->len = len;
		return res;
	}
	TEE_DigestUpdate(*op, r->data + off, n);
	TEE_GetOperationInfo(*op, &info);
	while (o->len < info.digestLength) {
		len = piece(o, info.digestLength - o->len);
		TEE_DigestExtract(*op, o->buf + o->len, &len);
		o->len += len;
	}
	return TEE_SUCCESS;
}

/* Updates over the pieces of data but the last; the last one's size. */
static TEE_Result updates(const struct req *r, TEE_OperationHandle *op,
			  struct out *o, size_t *last, uint32_t cls)
{
	size_t off = 0, n, len;
	bool copied = false;
	TEE_Result res = TEE_SUCCESS;

	while (!res &&
	       (n = piece(o, r->h.data_len - off)) < r->h.data_len - off) {
		len = o->cap - o->len;
		if (cls == TEE_OPERATION_CIPHER)
			res = TEE_CipherUpdate(*op, r->data + off, n,
					       o->buf + o->len, &len);
		else if (cls == TEE_OPERATION_AE)
			res = TEE_AEUpdate(*op, r->data + off, n,
					   o->buf + o->len, &len);
		else
			TEE_MACUpdate(*op, r->data + off, n);
		if (cls == TEE_OPERATION_MAC)
			len = 0;
		o->len += len;
		off += n;
		maybe_copy(r, op, off, r->h.data_len, &copied);
	}
	*last = r->h.data_len - off;
	return res;
}

static TEE_Result ae(const struct req *r, TEE_OperationHandle *op,
		     struct out *o)
{
	size_t off = 0, n, last, len, tl;
	uint8_t tag[16];
	TEE_Result res;

	res = TEE_AEInit(*op, r->iv, r->h.iv_len, r->h.tag_len * 8,
			 r->h.aad_len, r->h.data_len);
	if (res)
		return res;
	while (off < r->h.aad_len) {
		n = piece(o, r->h.aad_len - off);
		TEE_AEUpdateAAD(*op, r->aad + off, n);
		off += n;
	}
	res = updates(r, op, o, &last, TEE_OPERATION_AE);
	if (res)
		return res;
	len = o->cap - o->len;
	if (r->h.mode == TEE_MODE_DECRYPT) {
		res = TEE_AEDecryptFinal(*op, r->data + r->h.data_len - last,
					 last, o->buf + o->len, &len,
					 (void *)(uintptr_t)r->tag,
					 r->h.tag_len);
		if (!res)
			o->len += len;
		return res;
	}
	tl = sizeof(tag);
	res = TEE_AEEncryptFinal(*op, r->data + r->h.data_len - last, last,
				 o->buf + o->len, &len, tag, &tl);
	if (res)
		return res;
	o->len += len;
	if (o->cap - o->len < tl)
		return TEE_ERROR_SHORT_BUFFER;
	memcpy(o->buf + o->len, tag, tl);
	o->len += tl;
	return TEE_SUCCESS;
}

static TEE_Result run(const struct req *r, TEE_OperationHandle *op,
		      struct out *o, uint32_t *step)
{
	TEE_OperationInfo info;
	uint32_t cls;
	size_t last, len;
	const uint8_t *tail;
	TEE_Result res;

	/* The class from the API: extensions have 0xF in the identifier. */
	TEE_GetOperationInfo(*op, &info);
	cls = info.operationClass;
	*step = CRYPT_STEP_UPDATE;
	if (cls == TEE_OPERATION_DIGEST)
		return digest(r, op, o);
	if (cls == TEE_OPERATION_AE)
		return ae(r, op, o);
	if (cls == TEE_OPERATION_CIPHER)
		TEE_CipherInit(*op, r->iv, r->h.iv_len);
	else
		TEE_MACInit(*op, NULL, 0);
	res = updates(r, op, o, &last, cls);
	if (res)
		return res;
	*step = CRYPT_STEP_FINAL;
	tail = r->data + r->h.data_len - last;
	len = o->cap - o->len;
	if (cls == TEE_OPERATION_CIPHER)
		res = TEE_CipherDoFinal(*op, tail, last, o->buf + o->len, &len);
	else if (r->h.flags & CRYPT_F_COMPARE)
		return TEE_MACCompareFinal(*op, tail, last, r->tag,
					   r->h.tag_len);
	else
		res = TEE_MACComputeFinal(*op, tail, last, o->buf + o->len,
					  &len);
	if (!res)
		o->len += len;
	return res;
}

TEE_Result crypt_run(uint32_t pt, TEE_Param p[TEE_NUM_PARAMS])
{
	TEE_ObjectHandle k1 = TEE_HANDLE_NULL, k2 = TEE_HANDLE_NULL;
	TEE_OperationHandle op = TEE_HANDLE_NULL;
	struct out o = {0};
	uint32_t step = CRYPT_STEP_SETUP;
	struct req r;
	TEE_Result res;

	if (pt != P(MEMREF_INPUT, MEMREF_OUTPUT, VALUE_OUTPUT, NONE) ||
	    !parse(&p[0], &r))
		return TEE_ERROR_BAD_PARAMETERS;
	o.buf = p[1].memref.buffer;
	o.cap = o.buf ? p[1].memref.size : 0;
	o.rng = r.h.seed;
	o.split = r.h.seed != 0;
	res = TEE_AllocateOperation(&op, r.h.algo, r.h.mode, max_key(&r));
	if (!res && r.h.key_len) {
		k1 = key_object(r.h.key_type, r.key, r.h.key_len);
		k2 = key_object(r.h.key_type, r.key2, r.h.key2_len);
		if (!k1 || (r.h.key2_len && !k2))
			res = TEE_ERROR_BAD_PARAMETERS;
		else if (k2)
			res = TEE_SetOperationKey2(op, k1, k2);
		else
			res = TEE_SetOperationKey(op, k1);
		/* The operation has its own copy: free them early. */
		TEE_FreeTransientObject(k1);
		TEE_FreeTransientObject(k2);
	}
	if (!res)
		res = run(&r, &op, &o, &step);
	TEE_FreeOperation(op);
	p[1].memref.size = o.len;
	p[2].value.a = res;
	p[2].value.b = step;
	return TEE_SUCCESS;
}
