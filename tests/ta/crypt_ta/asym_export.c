/*
 * CRYPT_CMD_ASYM_EXPORT: the TA's own randomized signatures (PSS, ECDSA)
 * and ciphertexts (OAEP, PKCS#1 v1.5) with vector keys, as a text line the
 * host checks with OpenSSL (tests/guest/cryptest/asym_check.c):
 *   <name> <algo> <mode> <salt> <n attrs> {<id>=<hex>} <label hex|->
 *   <input hex> <output hex>
 * For signatures only the public attributes are given, for ciphertexts
 * the whole (test) key, which OpenSSL needs to decrypt.
 */
#include <crypt_ta.h>
#include <string.h>

#include "asym_priv.h"

static const struct {
	const char *vector;
	uint32_t mode;
} cases[] = {
	{"openssl-pss-1024-SHA1", TEE_MODE_SIGN},
	{"openssl-pss-1024-SHA224", TEE_MODE_SIGN},
	{"openssl-pss-2048-SHA256", TEE_MODE_SIGN},
	{"openssl-pss-2048-SHA512", TEE_MODE_SIGN},
	{"openssl-pss-4096-SHA256", TEE_MODE_SIGN},
	{"openssl-ecdsa-SECP192R1-SHA256", TEE_MODE_SIGN},
	{"openssl-ecdsa-SECP224R1-SHA256", TEE_MODE_SIGN},
	{"openssl-ecdsa-SECP256R1-SHA256", TEE_MODE_SIGN},
	{"openssl-ecdsa-SECP384R1-SHA384", TEE_MODE_SIGN},
	{"openssl-ecdsa-SECP521R1-SHA384", TEE_MODE_SIGN},
	{"openssl-oaep-1024-SHA1", TEE_MODE_ENCRYPT},
	{"openssl-oaep-1024-SHA224", TEE_MODE_ENCRYPT},
	{"openssl-oaep-2048-SHA256", TEE_MODE_ENCRYPT},
	{"openssl-oaep-2048-SHA384", TEE_MODE_ENCRYPT},
	{"openssl-oaep-2048-SHA512", TEE_MODE_ENCRYPT},
	{"openssl-v15enc-1024-0", TEE_MODE_ENCRYPT},
	{"openssl-v15enc-2048-1", TEE_MODE_ENCRYPT},
};

struct text {
	char *p;
	size_t cap, len;
	bool over;
};

static void put(struct text *t, const char *s)
{
	size_t n = strlen(s);

	if (t->len + n + 1 > t->cap) {
		t->over = true;
		return;
	}
	memcpy(t->p + t->len, s, n + 1);
	t->len += n;
}

static void put_hex(struct text *t, const uint8_t *b, size_t n)
{
	static const char digits[] = "0123456789abcdef";
	char two[3] = {0};

	if (!n)
		put(t, "-");
	for (size_t i = 0; i < n; i++) {
		two[0] = digits[b[i] >> 4];
		two[1] = digits[b[i] & 15];
		put(t, two);
	}
}

static void put_u32(struct text *t, uint32_t v)
{
	uint8_t b[4] = {v >> 24, v >> 16, v >> 8, v};

	put_hex(t, b, 4);
}

static const struct akat *by_name(const char *name)
{
	for (size_t i = 0; i < akat_count; i++)
		if (!strcmp(akat_vectors[i].name, name))
			return &akat_vectors[i];
	return NULL;
}

TEE_Result crypt_asym_export(uint32_t pt, TEE_Param p[TEE_NUM_PARAMS])
{
	static uint8_t res_buf[512];
	struct text t;
	const struct akat *v;
	TEE_ObjectHandle k;
	TEE_OperationHandle op;
	TEE_Attribute prm[2];
	size_t np = 0, len = sizeof(res_buf);
	uint32_t c, nattrs;
	TEE_Result res;

	if (pt != P(VALUE_INPUT, MEMREF_OUTPUT, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	c = p[0].value.a;
	if (c >= sizeof(cases) / sizeof(cases[0]))
		return TEE_ERROR_ITEM_NOT_FOUND;
	v = by_name(cases[c].vector);
	if (!v)
		return TEE_ERROR_GENERIC;
	if (v->salt)
		TEE_InitValueAttribute(&prm[np++], TEE_ATTR_RSA_PSS_SALT_LENGTH,
				       v->salt, 0);
	if (v->label_len)
		TEE_InitRefAttribute(&prm[np++], TEE_ATTR_RSA_OAEP_LABEL,
				     (void *)v->label, v->label_len);
	k = asym_key(v->key_type, v->attr, v->nattrs);
	op = k ? asym_op(v->algo, cases[c].mode, k) : TEE_HANDLE_NULL;
	if (!op)
		return TEE_ERROR_GENERIC;
	if (cases[c].mode == TEE_MODE_SIGN)
		res = TEE_AsymmetricSignDigest(op, prm, np, v->in, v->in_len,
					       res_buf, &len);
	else
		res = TEE_AsymmetricEncrypt(op, prm, np, v->out, v->out_len,
					    res_buf, &len);
	TEE_FreeOperation(op);
	TEE_FreeTransientObject(k);
	if (res)
		return res;
	t = (struct text){.p = p[1].memref.buffer, .cap = p[1].memref.size};
	put(&t, v->name);
	put(&t, " ");
	put_u32(&t, v->algo);
	put(&t, " ");
	put_u32(&t, cases[c].mode);
	put(&t, " ");
	put_u32(&t, v->salt);
	/* Public attributes only for a signature (OpenSSL verifies). */
	nattrs = 0;
	for (uint32_t i = 0; i < v->nattrs; i++)
		if (cases[c].mode == TEE_MODE_ENCRYPT ||
		    (v->attr[i].id & TEE_ATTR_FLAG_PUBLIC))
			nattrs++;
	put(&t, " ");
	put_u32(&t, nattrs);
	for (uint32_t i = 0; i < v->nattrs; i++) {
		const struct akat_attr *a = &v->attr[i];

		if (cases[c].mode == TEE_MODE_SIGN &&
		    !(a->id & TEE_ATTR_FLAG_PUBLIC))
			continue;
		put(&t, " ");
		put_u32(&t, a->id);
		put(&t, "=");
		if (a->id & TEE_ATTR_FLAG_VALUE)
			put_u32(&t, a->value);
		else
			put_hex(&t, a->buf, a->len);
	}
	put(&t, " ");
	put_hex(&t, v->label, v->label_len);
	put(&t, " ");
	if (cases[c].mode == TEE_MODE_SIGN)
		put_hex(&t, v->in, v->in_len);
	else
		put_hex(&t, v->out, v->out_len);
	put(&t, " ");
	put_hex(&t, res_buf, len);
	if (t.over)
		return TEE_ERROR_SHORT_BUFFER;
	p[1].memref.size = t.len + 1;
	return TEE_SUCCESS;
}
