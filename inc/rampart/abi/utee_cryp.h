/*
 * System calls for GP cryptographic objects and operations (GP Internal
 * Core API 1.3.1 chapters 5 and 6), numbers UTEE_SYS_CRYP_FIRST..LAST of
 * rampart/abi/utee.h. The TA side is lib/libutee/tee_api_objects.c and
 * tee_api_operations.c; the core side core/tee/syscall_cryp*.c.
 *
 * Every object and operation lives in the core. A TA only holds handles:
 * 32-bit values, never zero, meaningful only to the instance that got them
 * (a handle of another instance, a freed one or one of the wrong kind is
 * refused). Keys never enter TA memory unless the TA extracts an
 * extractable attribute.
 *
 * Sizes: every length a TA passes or receives through a pointer is a
 * uint64_t. Every pointer is checked against the caller's mappings.
 *
 * Results. The core answers with the GP return code where GP defines one
 * (TEE_ERROR_SHORT_BUFFER with the needed size written back, MAC_INVALID,
 * NOT_SUPPORTED, BAD_PARAMETERS for TEE_PopulateTransientObject ...). For
 * what GP calls a programmer error ("Panic Reasons") it answers with one of
 * the codes below, which no crypto function of GP ever returns, and
 * libutee turns them into TEE_Panic:
 *   TEE_ERROR_BAD_STATE      unknown or stale handle, or the object /
 *                            operation is in the wrong state for the call
 *   TEE_ERROR_BAD_FORMAT     an argument GP forbids (wrong class, mode,
 *                            key type or size, attribute not allowed or
 *                            missing, length not a block multiple, ...)
 *   TEE_ERROR_ACCESS_DENIED  a pointer outside the TA's own mappings, a
 *                            key without the usage the operation needs, or
 *                            a secret attribute of a non-extractable object
 *   TEE_ERROR_OUT_OF_MEMORY  the instance's crypto memory budget is spent
 * A failed call changes nothing: state is only modified once every check
 * has passed.
 */
#ifndef RAMPART_ABI_UTEE_CRYP_H
#define RAMPART_ABI_UTEE_CRYP_H

#include <stdint.h>

/* One attribute (TEE_Attribute without the pointer-size dependence). */
struct utee_attribute {
	uint64_t a; /* value a, or buffer address */
	uint64_t b; /* value b, or buffer length */
	uint32_t attribute_id;
	uint32_t pad; /* 0 */
};

/* TEE_ObjectInfo. */
struct utee_object_info {
	uint32_t obj_type;
	uint32_t obj_size;
	uint32_t max_obj_size;
	uint32_t obj_usage;
	uint32_t handle_flags;
	uint32_t pad;
	uint64_t data_size;
	uint64_t data_pos;
};

/* TEE_OperationInfo and TEE_OperationInfoMultiple in one. */
struct utee_operation_info {
	uint32_t algorithm;
	uint32_t operation_class;
	uint32_t mode;
	uint32_t digest_length;
	uint32_t max_key_size;
	uint32_t handle_state;
	uint32_t operation_state;
	uint32_t number_of_keys; /* 0 (digest), 1, or 2 (AES-XTS) */
	uint32_t key_size[2];	 /* 0 when no key is set */
	uint32_t required_key_usage;
	uint32_t pad;
};

/* The buffers of an AE final call (in: sizes available; out: used/needed). */
struct utee_ae_final {
	uint64_t src;
	uint64_t src_len;
	uint64_t dst;
	uint64_t dst_len; /* in/out */
	uint64_t tag;
	uint64_t tag_len; /* encrypt: in/out; decrypt: in */
};

/* ---- objects ---------------------------------------------------------- */
/* (uint32_t type, uint32_t max_size, uint32_t *handle) */
#define UTEE_SYS_CRYP_OBJ_ALLOC 32
/* (handle): frees a transient object */
#define UTEE_SYS_CRYP_OBJ_CLOSE 33
/* (handle): back to uninitialized, all usage */
#define UTEE_SYS_CRYP_OBJ_RESET 34
/* (handle, const struct utee_attribute *attrs, uint64_t count) */
#define UTEE_SYS_CRYP_OBJ_POPULATE 35
/* (handle, uint32_t key_size, const struct utee_attribute *, count) */
#define UTEE_SYS_CRYP_OBJ_GENERATE 36
/* (dst handle, src handle) */
#define UTEE_SYS_CRYP_OBJ_COPY 37
/* (handle, struct utee_object_info *) */
#define UTEE_SYS_CRYP_OBJ_GET_INFO 38
/* (handle, uint32_t usage): usage &= @usage */
#define UTEE_SYS_CRYP_OBJ_RESTRICT_USAGE 39
/*
 * (handle, uint32_t attribute_id, void *buf, uint64_t *len): a buffer
 * attribute's bytes, or a value attribute as two uint32_t (a, b; len 8).
 */
#define UTEE_SYS_CRYP_OBJ_GET_ATTR 40

/* ---- operations ----------------------------------------------------- */
/* (uint32_t algorithm, uint32_t mode, uint32_t max_key_size, uint32_t *h) */
#define UTEE_SYS_CRYP_OP_ALLOC 48
/* (handle) */
#define UTEE_SYS_CRYP_OP_FREE 49
/* (handle, struct utee_operation_info *) */
#define UTEE_SYS_CRYP_OP_GET_INFO 50
/* (handle) */
#define UTEE_SYS_CRYP_OP_RESET 51
/*
 * (handle, key1 handle, key2 handle, uint32_t flags): key1 = key2 = 0
 * clears the key(s); key2 only for two-key algorithms.
 */
#define UTEE_SYS_CRYP_OP_SET_KEY 52
#define UTEE_CRYP_SET_KEY_GP11 0x1 /* GP 1.1 state rule (not ACTIVE) */
/* (dst handle, src handle) */
#define UTEE_SYS_CRYP_OP_COPY 53
/* (uint32_t algorithm, uint32_t element): SUCCESS or NOT_SUPPORTED */
#define UTEE_SYS_CRYP_ALG_SUPPORTED 54

/* (handle, const void *chunk, uint64_t len) */
#define UTEE_SYS_CRYP_DIGEST_UPDATE 56
/* (handle, const void *chunk, uint64_t len, void *hash, uint64_t *hash_len) */
#define UTEE_SYS_CRYP_DIGEST_FINAL 57
/* (handle, void *hash, uint64_t *hash_len) */
#define UTEE_SYS_CRYP_DIGEST_EXTRACT 58

/* (handle, const void *iv, uint64_t iv_len) */
#define UTEE_SYS_CRYP_CIPHER_INIT 60
/* (handle, const void *src, uint64_t src_len, void *dst, uint64_t *dst_len) */
#define UTEE_SYS_CRYP_CIPHER_UPDATE 61
#define UTEE_SYS_CRYP_CIPHER_FINAL 62

/* (handle, const void *iv, uint64_t iv_len) */
#define UTEE_SYS_CRYP_MAC_INIT 64
/* (handle, const void *chunk, uint64_t len) */
#define UTEE_SYS_CRYP_MAC_UPDATE 65
/* (handle, const void *msg, uint64_t len, void *mac, uint64_t *mac_len) */
#define UTEE_SYS_CRYP_MAC_FINAL 66
/* (handle, const void *msg, uint64_t len, const void *mac, uint64_t mac_len) */
#define UTEE_SYS_CRYP_MAC_COMPARE 67

/*
 * (handle, const void *nonce, uint64_t nonce_len, uint32_t tag_bits,
 *  uint64_t aad_len, uint64_t payload_len)
 */
#define UTEE_SYS_CRYP_AE_INIT 68
/* (handle, const void *aad, uint64_t len) */
#define UTEE_SYS_CRYP_AE_UPDATE_AAD 69
/* (handle, const void *src, uint64_t src_len, void *dst, uint64_t *dst_len) */
#define UTEE_SYS_CRYP_AE_UPDATE 70
/* (handle, struct utee_ae_final *) */
#define UTEE_SYS_CRYP_AE_ENC_FINAL 71
#define UTEE_SYS_CRYP_AE_DEC_FINAL 72

/* ---- asymmetric operations and key derivation ------------------------ */
/* The buffers of an asymmetric call. */
struct utee_asym_io {
	uint64_t params; /* const struct utee_attribute * */
	uint64_t num_params;
	uint64_t src; /* data to encrypt or decrypt, digest to sign or verify */
	uint64_t src_len;
	uint64_t dst;	  /* output; verify: the signature */
	uint64_t dst_len; /* in/out (verify: in) */
};
/* (handle, struct utee_asym_io *) */
#define UTEE_SYS_CRYP_ASYM_ENCRYPT 80
#define UTEE_SYS_CRYP_ASYM_DECRYPT 81
#define UTEE_SYS_CRYP_ASYM_SIGN 82
#define UTEE_SYS_CRYP_ASYM_VERIFY 83
/* (handle, const struct utee_attribute *params, uint64_t count, key handle) */
#define UTEE_SYS_CRYP_DERIVE_KEY 84

/*
 * 85..95: reserved for more key derivation.
 * 96..127: free.
 */

#endif
