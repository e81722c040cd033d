/*
 * The core's GP crypto service (GP Internal Core API 1.3.1 chapters 5-6):
 * transient objects and operations of one TA instance, behind the system
 * calls of rampart/abi/utee_cryp.h. Internal to core/tee/cryp/ and
 * core/tee/syscall_cryp*.c.
 *
 * Structure: syscall_cryp*.c decode a call (handles, pointers, sizes, state)
 * and only then call the functions here that change state. Those split
 * likewise: a check/prepare half that may fail and changes nothing, and a
 * commit half that cannot fail. Results follow rampart/abi/utee_cryp.h:
 * GP's return codes where GP defines one, BAD_STATE / BAD_FORMAT /
 * ACCESS_DENIED for what GP calls a panic.
 *
 * TA memory is only touched through cryp_read()/cryp_write() on spans the
 * decoder has checked; the host unit tests replace those two.
 */
#ifndef CORE_TEE_CRYP_CRYP_H
#define CORE_TEE_CRYP_CRYP_H

#include <crypto/crypto.h>
#include <rampart/abi/utee_cryp.h>
#include <tee/tee_cryp_defs.h>

/* Per-instance limits. */
#define CRYP_MAX_OBJECTS 512
#define CRYP_MAX_OPERATIONS 128
#define CRYP_MEM_BUDGET (512u * 1024) /* bytes of core heap per instance */
#define CRYP_OP_BACKEND_COST 1024u    /* charged for a backend context */
/* Attributes. */
#define CRYP_MAX_ATTRS 8	/* per object (an RSA key pair has 8) */
#define CRYP_MAX_ATTR_LEN 1024	/* bytes of one buffer attribute */
#define CRYP_MAX_ATTR_PARAMS 16 /* attributes in one call */
/* Authenticated encryption: what the core buffers for mbedTLS. */
#define CRYP_AE_MAX_AAD (32u * 1024)	  /* GCM and CCM */
#define CRYP_CCM_MAX_PAYLOAD (64u * 1024) /* CCM is one-shot */
#define CRYP_AE_MAX_NONCE 64		  /* GCM (CCM: 7..13) */
/* Data is moved through a stack buffer this big. */
#define CRYP_CHUNK 2048

/* ---- TA memory ------------------------------------------------------------
 */
/* A range of the calling TA's memory, already checked by the decoder. */
struct cryp_span {
	uint64_t addr;
	size_t len;
};

/* copy_from_user/copy_to_user of [off, off + n) of @s (cryp_uaccess.c). */
void cryp_read(void *dst, const struct cryp_span *s, size_t off, size_t n);
void cryp_write(const struct cryp_span *s, size_t off, const void *src,
		size_t n);
typedef void (*cryp_stream_fn)(void *ctx, const uint8_t *in, uint8_t *out,
			       size_t len);
/*
 * @fn over [src_off, src_off + n) of @src into as many bytes of @dst at
 * @dst_off (@dst NULL: input only), in TA memory, with no copy through the
 * core. Only for functions that read each input byte once and whose output
 * nothing authenticates afterwards: plain ciphers, digests and MACs. Not
 * for AE: the normal world could change shared memory between the tag's
 * read of the ciphertext and the decryption's.
 */
void cryp_run_on_user(cryp_stream_fn fn, void *ctx, const struct cryp_span *src,
		      size_t src_off, const struct cryp_span *dst,
		      size_t dst_off, size_t n);

/* ---- handle tables and the per-instance state (cryp_table.c) ---------- */
struct cryp_table {
	void **slot;
	uint16_t *gen;
	uint32_t cap, max, kind;
};

struct cryp_inst {
	struct cryp_table objs, ops;
	size_t mem_used;
};

/* The instance's state, created at first use; NULL if out of memory. */
struct cryp_inst *cryp_inst_get(void **state);
void cryp_inst_free(struct cryp_inst *ci);
/* Budget: false (nothing charged) if @n does not fit. */
bool cryp_charge(struct cryp_inst *ci, size_t n);
void cryp_uncharge(struct cryp_inst *ci, size_t n);

/* A slot for @p; TEE_ERROR_OUT_OF_MEMORY when full. */
TEE_Result cryp_table_add(struct cryp_table *t, void *p, uint32_t *handle);
/* NULL for an unknown, stale or foreign handle. */
void *cryp_table_get(const struct cryp_table *t, uint32_t handle);
/* The slot becomes free and the handle stale. */
void cryp_table_remove(struct cryp_table *t, uint32_t handle);

/* ---- objects (obj.c, obj_attrs.c) --------------------------------------- */
struct cryp_attr {
	uint32_t id;
	uint32_t a, b; /* value attributes */
	uint8_t *buf;  /* buffer attributes (core heap) */
	size_t len;
};

/* An attribute from the TA, its buffer already copied into the core. */
struct cryp_attr_in {
	uint32_t id;
	uint32_t a, b;
	const uint8_t *buf;
	size_t len;
};

struct cryp_type;

struct cryp_obj {
	uint32_t type;
	uint32_t max_size; /* bits */
	uint32_t size;	   /* bits; 0 until initialized */
	uint32_t usage;
	uint32_t flags; /* TEE_HANDLE_FLAG_* */
	const struct cryp_type *ti;
	size_t num_attrs;
	struct cryp_attr attr[CRYP_MAX_ATTRS];
	size_t charged;
};

/* obj_attrs.c: the per-type rules (pure, no allocation). */
const struct cryp_type *cryp_type_find(uint32_t type);
/* Whether @bits is a valid maxObjectSize for the type. */
bool cryp_type_max_ok(const struct cryp_type *ti, uint32_t bits);
/* Whether objects of the type hold a key of @bits bits. */
bool cryp_type_size_ok(const struct cryp_type *ti, uint32_t bits);
/*
 * Checks attributes for TEE_PopulateTransientObject and computes the
 * object size: BAD_FORMAT (attribute not of the type, mandatory one
 * missing, too big for @max_size), BAD_PARAMETERS (inconsistent values,
 * duplicates, size not valid for the type).
 */
TEE_Result cryp_type_check_populate(const struct cryp_type *ti,
				    uint32_t max_size,
				    const struct cryp_attr_in *attrs, size_t n,
				    uint32_t *size);
/* Whether TEE_GenerateKey is implemented for the type (secret keys). */
bool cryp_type_can_generate(const struct cryp_type *ti);
bool cryp_type_is_des(const struct cryp_type *ti);
/* The public attributes a key pair gives its public-key type, or false. */
bool cryp_type_copy_ok(const struct cryp_type *dst,
		       const struct cryp_type *src);
bool cryp_type_has_attr(const struct cryp_type *ti, uint32_t id);

/* obj.c */
TEE_Result cryp_obj_alloc(struct cryp_inst *ci, uint32_t type,
			  uint32_t max_size, uint32_t *handle);
/* BAD_STATE for a handle that is not one of the instance's objects. */
TEE_Result cryp_obj_get(struct cryp_inst *ci, uint32_t handle,
			struct cryp_obj **o);
void cryp_obj_close(struct cryp_inst *ci, uint32_t handle);
void cryp_obj_reset(struct cryp_inst *ci, struct cryp_obj *o);
TEE_Result cryp_obj_populate(struct cryp_inst *ci, struct cryp_obj *o,
			     const struct cryp_attr_in *attrs, size_t n);
TEE_Result cryp_obj_generate(struct cryp_inst *ci, struct cryp_obj *o,
			     uint32_t key_size,
			     const struct cryp_attr_in *params, size_t n);
TEE_Result cryp_obj_copy_attrs(struct cryp_inst *ci, struct cryp_obj *dst,
			       const struct cryp_obj *src);
void cryp_obj_info(const struct cryp_obj *o, struct utee_object_info *info);
/*
 * The attribute @id of an initialized object for the TA to read:
 * BAD_STATE (not initialized), ITEM_NOT_FOUND, ACCESS_DENIED (secret part,
 * not extractable).
 */
TEE_Result cryp_obj_read_attr(const struct cryp_obj *o, uint32_t id,
			      const struct cryp_attr **a);
/* The attribute @id or NULL. */
const struct cryp_attr *cryp_obj_attr(const struct cryp_obj *o, uint32_t id);
/* A private copy (operations keep their keys this way). */
TEE_Result cryp_obj_dup(struct cryp_inst *ci, const struct cryp_obj *src,
			struct cryp_obj **dup);
void cryp_obj_destroy(struct cryp_inst *ci, struct cryp_obj *o);

/* ---- operations (cryp_state.c, cryp_algs.c) ----------------------------- */
/* Algorithm flags. */
#define CRYP_ALG_TWO_KEYS 0x1 /* AES-XTS */
#define CRYP_ALG_NOPAD 0x2    /* total must be a block multiple */
#define CRYP_ALG_HOLD_TWO 0x4 /* CTS, XTS: the last two blocks wait */
#define CRYP_ALG_IV 0x8	      /* takes an IV (CipherInit) */

struct cryp_alg {
	uint32_t algo;
	uint32_t op_class;
	uint32_t key_type; /* 0 for digests */
	uint32_t backend;  /* enum crypto_hash/mac/cipher_alg */
	uint32_t cmode;	   /* enum crypto_cipher_mode */
	uint32_t flags;
	uint32_t block;	  /* buffering unit; 1 for streams */
	uint32_t out_len; /* digest or MAC size */
};

const struct cryp_alg *cryp_alg_find(uint32_t algo);
/* Whether keys of @type work with the algorithm. */
bool cryp_alg_key_type_ok(const struct cryp_alg *alg, uint32_t type);

/* A block cipher's partial input (and for CTS/XTS the last two blocks). */
struct cryp_blockbuf {
	uint8_t data[2 * CRYPTO_CIPHER_MAX_BLOCK];
	size_t len;
};

struct cryp_op;

/* Per operation class: what cryp_state.c needs from cryp_<class>.c. */
struct cryp_class_ops {
	TEE_Result (*alloc)(struct cryp_op *op);
	void (*free)(struct cryp_op *op);
	/* Back to the initial state (also after a key change). */
	void (*reset)(struct cryp_inst *ci, struct cryp_op *op);
	/* @dst is reset, has @src's key; copies the progress. */
	TEE_Result (*copy)(struct cryp_inst *ci, struct cryp_op *dst,
			   const struct cryp_op *src);
};

struct cryp_ae;

struct cryp_op {
	const struct cryp_alg *alg;
	const struct cryp_class_ops *ops;
	uint32_t mode;
	uint32_t max_key_size;
	uint32_t handle_state; /* TEE_HANDLE_FLAG_* */
	uint32_t op_state;     /* TEE_OPERATION_STATE_* */
	uint32_t digest_len;   /* AE: the tag length of the current message */
	uint32_t required_usage;
	uint32_t key_size;
	struct cryp_obj *key[2]; /* private copies */
	union {
		struct {
			struct crypto_hash *h;
			uint8_t digest[CRYPTO_HASH_MAX_SIZE];
			size_t extracted;
		} hash;
		struct {
			struct crypto_cipher *c;
			struct cryp_blockbuf buf;
		} cipher;
		struct {
			struct crypto_mac *m;
			uint64_t total;
		} mac;
		struct cryp_ae *ae;
	} u;
	size_t charged;
};

extern const struct cryp_class_ops cryp_hash_ops, cryp_cipher_ops, cryp_mac_ops,
	cryp_ae_ops;

/* cryp_state.c */
TEE_Result cryp_op_alloc(struct cryp_inst *ci, uint32_t algo, uint32_t mode,
			 uint32_t max_key_size, uint32_t *handle);
TEE_Result cryp_op_get(struct cryp_inst *ci, uint32_t handle,
		       struct cryp_op **op);
void cryp_op_free(struct cryp_inst *ci, uint32_t handle);
void cryp_op_info(const struct cryp_op *op, struct utee_operation_info *info);
/* BAD_STATE when GP says a reset panics (no key yet). */
TEE_Result cryp_op_reset(struct cryp_inst *ci, struct cryp_op *op);
/* @k1/@k2 NULL clear the key. */
TEE_Result cryp_op_set_key(struct cryp_inst *ci, struct cryp_op *op,
			   const struct cryp_obj *k1, const struct cryp_obj *k2,
			   bool gp11);
TEE_Result cryp_op_copy(struct cryp_inst *ci, struct cryp_op *dst,
			const struct cryp_op *src);
/* The secret bytes of key @i (symmetric algorithms). */
const struct cryp_attr *cryp_op_secret(const struct cryp_op *op, int i);
/* BAD_STATE unless the operation has a class @cls and is initialized. */
TEE_Result cryp_op_check(const struct cryp_op *op, uint32_t cls,
			 bool need_initialized);

/* ---- block streaming (cryp_stream.c) --------------------------------------
 */
/*
 * Bytes of (buffered ++ input) an update hands to the cipher now: whole
 * blocks, keeping a partial one (or, with @hold_two, between one block plus
 * a byte and two blocks) for later.
 */
size_t cryp_stream_plan(size_t buffered, size_t in_len, size_t block,
			bool hold_two);
/*
 * Runs the first @process bytes of (b ++ src) through @fn (chunks of whole
 * blocks) into @dst from offset @dst_off, and keeps the rest of src in @b.
 * @process comes from cryp_stream_plan() (or is the whole final input).
 */
void cryp_stream_run(struct cryp_blockbuf *b, const struct cryp_span *src,
		     const struct cryp_span *dst, size_t dst_off,
		     size_t process, cryp_stream_fn fn, void *ctx);
/*
 * The same, with @fn run straight on TA memory where it can (see
 * cryp_run_on_user for which functions may).
 */
void cryp_stream_run_in_place(struct cryp_blockbuf *b,
			      const struct cryp_span *src,
			      const struct cryp_span *dst, size_t dst_off,
			      size_t process, cryp_stream_fn fn, void *ctx);

/* ---- per class (cryp_hash.c, cryp_cipher.c, cryp_mac.c, cryp_authenc.c) -- */
TEE_Result cryp_digest_update(struct cryp_op *op, const struct cryp_span *in);
/* *out_len: in the space at @out, out the bytes written (or needed). */
TEE_Result cryp_digest_final(struct cryp_op *op, const struct cryp_span *in,
			     const struct cryp_span *out, size_t *out_len);
TEE_Result cryp_digest_extract(struct cryp_op *op, const struct cryp_span *out,
			       size_t *out_len);

TEE_Result cryp_cipher_init(struct cryp_op *op, const uint8_t *iv,
			    size_t iv_len);
TEE_Result cryp_cipher_update(struct cryp_op *op, const struct cryp_span *in,
			      const struct cryp_span *out, size_t *out_len);
TEE_Result cryp_cipher_final(struct cryp_op *op, const struct cryp_span *in,
			     const struct cryp_span *out, size_t *out_len);

TEE_Result cryp_mac_init(struct cryp_op *op);
TEE_Result cryp_mac_update(struct cryp_op *op, const struct cryp_span *in);
TEE_Result cryp_mac_final(struct cryp_op *op, const struct cryp_span *in,
			  const struct cryp_span *out, size_t *out_len);
/* MAC_INVALID on mismatch (including another length). */
TEE_Result cryp_mac_compare(struct cryp_op *op, const struct cryp_span *in,
			    const uint8_t *mac, size_t mac_len);

TEE_Result cryp_ae_init(struct cryp_inst *ci, struct cryp_op *op,
			const uint8_t *nonce, size_t nonce_len,
			uint32_t tag_bits, uint64_t aad_len,
			uint64_t payload_len);
TEE_Result cryp_ae_update_aad(struct cryp_inst *ci, struct cryp_op *op,
			      const struct cryp_span *aad);
TEE_Result cryp_ae_update(struct cryp_op *op, const struct cryp_span *in,
			  const struct cryp_span *out, size_t *out_len);
TEE_Result cryp_ae_encrypt_final(struct cryp_inst *ci, struct cryp_op *op,
				 const struct cryp_span *in,
				 const struct cryp_span *out, size_t *out_len,
				 const struct cryp_span *tag, size_t *tag_len);
TEE_Result cryp_ae_decrypt_final(struct cryp_inst *ci, struct cryp_op *op,
				 const struct cryp_span *in,
				 const struct cryp_span *out, size_t *out_len,
				 const uint8_t *tag, size_t tag_len);

/* TEE_IsAlgorithmSupported. */
TEE_Result cryp_alg_supported(uint32_t algo, uint32_t element);

#endif
