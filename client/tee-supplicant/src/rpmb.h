/*
 * RPMB emulation (OPTEE_RPC_CMD_RPMB, optee-compat.md §3.7), backed by a
 * file so that the key, the write counter and the data survive a restart.
 * Requests are struct rpmb_req {u16 cmd, dev_id, block_count} (native
 * little-endian) followed by 512-byte JEDEC data frames (big-endian
 * fields); one device of 256 KiB is emulated whatever dev_id says.
 *
 * The backing file is owned by the normal world: it can be copied back to
 * replay an older state, so this gives no real rollback protection.
 */
#ifndef SUPP_RPMB_H
#define SUPP_RPMB_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RPMB_CMD_DATA_REQ 0u
#define RPMB_CMD_GET_DEV_INFO 1u
#define RPMB_REQ_HDR_SIZE 6u
#define RPMB_DEV_INFO_SIZE 19u /* cid[16], size_mult, rel_wr_sec_c, ret */

#define RPMB_EMU_SIZE_MULT 2u    /* × 128 KiB */
#define RPMB_EMU_REL_WR_SEC_C 1u /* × 512 bytes per reliable write */
#define RPMB_BLOCK_SIZE 256u
#define RPMB_EMU_BLOCKS (RPMB_EMU_SIZE_MULT * 128u * 1024u / RPMB_BLOCK_SIZE)

/* Data frame layout (offsets in the 512-byte frame). */
#define RPMB_FRAME_SIZE 512u
#define RPMB_OFF_KEY_MAC 196u
#define RPMB_OFF_DATA 228u
#define RPMB_OFF_NONCE 484u
#define RPMB_OFF_COUNTER 500u
#define RPMB_OFF_ADDRESS 504u
#define RPMB_OFF_BLOCK_COUNT 506u
#define RPMB_OFF_RESULT 508u
#define RPMB_OFF_MSG_TYPE 510u

/* Request message types; a response is the request type << 8. */
#define RPMB_MSG_KEY_PROGRAM 1u
#define RPMB_MSG_COUNTER_READ 2u
#define RPMB_MSG_AUTH_WRITE 3u
#define RPMB_MSG_AUTH_READ 4u
#define RPMB_MSG_RESULT_READ 5u

/* op_result values. */
#define RPMB_RES_OK 0x0000u
#define RPMB_RES_GENERAL_FAILURE 0x0001u
#define RPMB_RES_AUTH_FAILURE 0x0002u
#define RPMB_RES_COUNTER_FAILURE 0x0003u
#define RPMB_RES_ADDRESS_FAILURE 0x0004u
#define RPMB_RES_WRITE_FAILURE 0x0005u
#define RPMB_RES_READ_FAILURE 0x0006u
#define RPMB_RES_KEY_NOT_PROGRAMMED 0x0007u
#define RPMB_RES_COUNTER_EXPIRED 0x0080u /* flag, or-ed into the above */

/* Backing file: a 4 KiB header, then the RPMB_EMU_BLOCKS data blocks. */
#define RPMB_FILE_HDR_SIZE 4096u
#define RPMB_FILE_SIZE \
	(RPMB_FILE_HDR_SIZE + RPMB_EMU_BLOCKS * RPMB_BLOCK_SIZE)

struct supp_rpmb {
	pthread_mutex_t mutex;
	char *path;
	int fd;        /* -1 until first use */
	uint8_t cid[16];
	bool key_set;
	uint8_t key[32];
	uint32_t counter;
	uint16_t last_type;   /* last write-type request, for RESULT_READ */
	uint16_t last_result;
	uint16_t last_address;
};

/* cid may be NULL (a built-in one is used). Returns 0 or -1. */
int supp_rpmb_init(struct supp_rpmb *r, const char *path,
		   const uint8_t *cid);
void supp_rpmb_fini(struct supp_rpmb *r);

/*
 * Serves one RPMB request: req[0..req_size) in, rsp[0..rsp_size) out (the
 * sizes must match the request exactly). Device-level outcomes (bad MAC,
 * wrong counter...) are reported in the response frames' op_result with
 * TEEC_SUCCESS; malformed requests give TEEC_ERROR_BAD_PARAMETERS, an
 * unusable backing file TEEC_ERROR_GENERIC.
 */
uint32_t supp_rpmb_request(struct supp_rpmb *r, const void *req,
			   size_t req_size, void *rsp, size_t rsp_size);

/* HMAC-SHA256 of bytes [RPMB_OFF_DATA, 512) of n frames (for tests too). */
void supp_rpmb_mac(const uint8_t key[32], const uint8_t *frames, size_t n,
		   uint8_t mac[32]);

#endif
