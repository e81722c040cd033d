/*
 * RPMB emulation on a temporary backing file: device info, key
 * programming, counter reads, authenticated writes and reads with MACs and
 * the write counter, result reads, persistence across restarts, and
 * malformed requests.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "rpmb.h"
#include "supp_proto.h"
#include "test_helpers.h"

#define F RPMB_FRAME_SIZE
#define MAXF 4

struct rq {
	uint8_t b[RPMB_REQ_HDR_SIZE + MAXF * F];
	size_t n;
};

static uint8_t key[32];

static uint16_t be16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static void put32(uint8_t *p, uint32_t v)
{
	put16(p, (uint16_t)(v >> 16));
	put16(p + 2, (uint16_t)v);
}

static uint8_t *frame(struct rq *r, size_t i)
{
	return r->b + RPMB_REQ_HDR_SIZE + i * F;
}

/* A DATA_REQ with n frames of msg type t. */
static void rq_init(struct rq *r, size_t n, uint16_t t)
{
	memset(r, 0, sizeof(*r));
	r->n = n;
	r->b[0] = RPMB_CMD_DATA_REQ;
	r->b[4] = (uint8_t)n;
	for (size_t i = 0; i < n; i++)
		put16(frame(r, i) + RPMB_OFF_MSG_TYPE, t);
}

static size_t rq_size(const struct rq *r)
{
	return RPMB_REQ_HDR_SIZE + r->n * F;
}

static uint8_t rsp[MAXF * F];

static uint32_t run(struct supp_rpmb *d, struct rq *r, size_t nrsp)
{
	memset(rsp, 0xee, sizeof(rsp));
	return supp_rpmb_request(d, r->b, rq_size(r), rsp, nrsp * F);
}

static int mac_ok(const uint8_t *frames, size_t n)
{
	uint8_t mac[32];

	supp_rpmb_mac(key, frames, n, mac);
	return !memcmp(mac, frames + (n - 1) * F + RPMB_OFF_KEY_MAC, 32);
}

static void setup(char *tmp, char *file, struct supp_rpmb *d)
{
	test_tmpdir(tmp);
	sprintf(file, "%s/sub/rpmb.img", tmp);
	for (int i = 0; i < 32; i++)
		key[i] = (uint8_t)(0xa0 + i);
	CHECK_EQ(supp_rpmb_init(d, file, NULL), 0);
}

static void program_key(struct supp_rpmb *d)
{
	struct rq r;

	rq_init(&r, 1, RPMB_MSG_KEY_PROGRAM);
	memcpy(frame(&r, 0) + RPMB_OFF_KEY_MAC, key, 32);
	CHECK_EQ(run(d, &r, 1), TEEC_SUCCESS);
	CHECK_EQ(be16(rsp + RPMB_OFF_MSG_TYPE), 0x0100);
	CHECK_EQ(be16(rsp + RPMB_OFF_RESULT), RPMB_RES_OK);
}

static uint32_t read_counter(struct supp_rpmb *d, uint16_t *result)
{
	struct rq r;

	rq_init(&r, 1, RPMB_MSG_COUNTER_READ);
	memset(frame(&r, 0) + RPMB_OFF_NONCE, 0x3c, 16);
	CHECK_EQ(run(d, &r, 1), TEEC_SUCCESS);
	CHECK_EQ(be16(rsp + RPMB_OFF_MSG_TYPE), 0x0200);
	CHECK(rsp[RPMB_OFF_NONCE] == 0x3c && rsp[RPMB_OFF_NONCE + 15] == 0x3c);
	*result = be16(rsp + RPMB_OFF_RESULT);
	if (*result == RPMB_RES_OK)
		CHECK(mac_ok(rsp, 1));
	return be32(rsp + RPMB_OFF_COUNTER);
}

/* Authenticated write of n blocks (block i filled with fill + i). */
static uint16_t write_blocks(struct supp_rpmb *d, uint16_t addr, size_t n,
			     uint32_t counter, uint8_t fill, int bad_mac)
{
	struct rq r;
	uint8_t mac[32];

	rq_init(&r, n, RPMB_MSG_AUTH_WRITE);
	for (size_t i = 0; i < n; i++) {
		uint8_t *f = frame(&r, i);

		memset(f + RPMB_OFF_DATA, fill + (int)i, RPMB_BLOCK_SIZE);
		put32(f + RPMB_OFF_COUNTER, counter);
		put16(f + RPMB_OFF_ADDRESS, addr);
		put16(f + RPMB_OFF_BLOCK_COUNT, (uint16_t)n);
	}
	supp_rpmb_mac(key, frame(&r, 0), n, mac);
	if (bad_mac)
		mac[0] ^= 1;
	memcpy(frame(&r, n - 1) + RPMB_OFF_KEY_MAC, mac, 32);
	CHECK_EQ(run(d, &r, 1), TEEC_SUCCESS);
	CHECK_EQ(be16(rsp + RPMB_OFF_MSG_TYPE), 0x0300);
	CHECK_EQ(be16(rsp + RPMB_OFF_ADDRESS), addr);
	CHECK(mac_ok(rsp, 1));
	return be16(rsp + RPMB_OFF_RESULT);
}

static uint16_t read_blocks(struct supp_rpmb *d, uint16_t addr, size_t n)
{
	struct rq r;

	rq_init(&r, 1, RPMB_MSG_AUTH_READ);
	put16(frame(&r, 0) + RPMB_OFF_ADDRESS, addr);
	memset(frame(&r, 0) + RPMB_OFF_NONCE, 0x77, 16);
	CHECK_EQ(run(d, &r, n), TEEC_SUCCESS);
	for (size_t i = 0; i < n; i++) {
		const uint8_t *f = rsp + i * F;

		CHECK_EQ(be16(f + RPMB_OFF_MSG_TYPE), 0x0400);
		CHECK_EQ(be16(f + RPMB_OFF_ADDRESS), addr);
		CHECK_EQ(be16(f + RPMB_OFF_BLOCK_COUNT), n);
		CHECK_EQ(f[RPMB_OFF_NONCE + 7], 0x77);
	}
	return be16(rsp + RPMB_OFF_RESULT);
}

TEST(supp_rpmb_dev_info)
{
	char tmp[256], file[300];
	uint8_t req[6] = { RPMB_CMD_GET_DEV_INFO, 0, 0, 0, 0, 0 }, info[64];
	struct supp_rpmb d;
	struct stat st;

	setup(tmp, file, &d);
	CHECK_EQ(supp_rpmb_request(&d, req, 6, info, RPMB_DEV_INFO_SIZE),
		 TEEC_SUCCESS);
	CHECK_EQ(info[16], 2);
	CHECK_EQ(info[17], 1);
	CHECK_EQ(info[18], 0);
	CHECK(!stat(file, &st) && st.st_size == RPMB_FILE_SIZE);
	CHECK_EQ(st.st_mode & 0777, 0600);
	/* sizes must match exactly */
	CHECK_EQ(supp_rpmb_request(&d, req, 6, info, 20),
		 TEEC_ERROR_BAD_PARAMETERS);
	CHECK_EQ(supp_rpmb_request(&d, req, 6, info, 18),
		 TEEC_ERROR_BAD_PARAMETERS);
	CHECK_EQ(supp_rpmb_request(&d, req, 7, info, 19),
		 TEEC_ERROR_BAD_PARAMETERS);
	CHECK_EQ(supp_rpmb_request(&d, req, 5, info, 19),
		 TEEC_ERROR_BAD_PARAMETERS);
	req[0] = 2; /* unknown command */
	CHECK_EQ(supp_rpmb_request(&d, req, 6, info, 19),
		 TEEC_ERROR_BAD_PARAMETERS);
	supp_rpmb_fini(&d);
	test_rmrf(tmp);
}

TEST(supp_rpmb_key_counter_write_read)
{
	char tmp[256], file[300];
	struct supp_rpmb d;
	uint16_t res;

	setup(tmp, file, &d);
	/* before the key: counter read and writes say "not programmed" */
	read_counter(&d, &res);
	CHECK_EQ(res, RPMB_RES_KEY_NOT_PROGRAMMED);
	CHECK_EQ(read_blocks(&d, 0, 1), RPMB_RES_KEY_NOT_PROGRAMMED);

	program_key(&d);
	CHECK_EQ(read_counter(&d, &res), 0);
	CHECK_EQ(res, RPMB_RES_OK);

	/* a 2-block write (rel_wr_sec_c 1 = 512 bytes) bumps the counter once */
	CHECK_EQ(write_blocks(&d, 10, 2, 0, 0x40, 0), RPMB_RES_OK);
	CHECK_EQ(be32(rsp + RPMB_OFF_COUNTER), 1);
	CHECK_EQ(read_counter(&d, &res), 1);
	CHECK_EQ(read_blocks(&d, 10, 2), RPMB_RES_OK);
	CHECK(mac_ok(rsp, 2));
	CHECK_EQ(rsp[RPMB_OFF_DATA], 0x40);
	CHECK_EQ(rsp[F + RPMB_OFF_DATA + 255], 0x41);
	CHECK_EQ(read_blocks(&d, 9, 1), RPMB_RES_OK); /* untouched: zeros */
	CHECK_EQ(rsp[RPMB_OFF_DATA + 100], 0);

	/* wrong MAC, stale counter, out of range: nothing written */
	CHECK_EQ(write_blocks(&d, 10, 1, 1, 0x55, 1), RPMB_RES_AUTH_FAILURE);
	CHECK_EQ(write_blocks(&d, 10, 1, 0, 0x55, 0),
		 RPMB_RES_COUNTER_FAILURE);
	CHECK_EQ(write_blocks(&d, RPMB_EMU_BLOCKS - 1, 2, 1, 0x55, 0),
		 RPMB_RES_ADDRESS_FAILURE);
	CHECK_EQ(read_counter(&d, &res), 1);
	CHECK_EQ(read_blocks(&d, 10, 1), RPMB_RES_OK);
	CHECK_EQ(rsp[RPMB_OFF_DATA], 0x40);
	/* read beyond the end */
	CHECK_EQ(read_blocks(&d, RPMB_EMU_BLOCKS - 1, 2),
		 RPMB_RES_ADDRESS_FAILURE);
	/* last block is usable */
	CHECK_EQ(write_blocks(&d, RPMB_EMU_BLOCKS - 1, 1, 1, 0x99, 0),
		 RPMB_RES_OK);
	/* the key cannot be programmed twice */
	{
		struct rq r;

		rq_init(&r, 1, RPMB_MSG_KEY_PROGRAM);
		CHECK_EQ(run(&d, &r, 1), TEEC_SUCCESS);
		CHECK_EQ(be16(rsp + RPMB_OFF_RESULT),
			 RPMB_RES_GENERAL_FAILURE);
	}
	supp_rpmb_fini(&d);
	test_rmrf(tmp);
}

TEST(supp_rpmb_result_read)
{
	char tmp[256], file[300];
	struct supp_rpmb d;
	struct rq r;

	setup(tmp, file, &d);
	rq_init(&r, 1, RPMB_MSG_RESULT_READ);
	CHECK_EQ(run(&d, &r, 1), TEEC_SUCCESS); /* nothing to report yet */
	CHECK_EQ(be16(rsp + RPMB_OFF_RESULT), RPMB_RES_GENERAL_FAILURE);
	program_key(&d);
	CHECK_EQ(write_blocks(&d, 3, 1, 0, 1, 0), RPMB_RES_OK);
	rq_init(&r, 1, RPMB_MSG_RESULT_READ);
	CHECK_EQ(run(&d, &r, 1), TEEC_SUCCESS);
	CHECK_EQ(be16(rsp + RPMB_OFF_MSG_TYPE), 0x0300);
	CHECK_EQ(be16(rsp + RPMB_OFF_RESULT), RPMB_RES_OK);
	CHECK_EQ(be16(rsp + RPMB_OFF_ADDRESS), 3);
	CHECK_EQ(be32(rsp + RPMB_OFF_COUNTER), 1);
	CHECK(mac_ok(rsp, 1));
	supp_rpmb_fini(&d);
	test_rmrf(tmp);
}

TEST(supp_rpmb_state_persists)
{
	char tmp[256], file[300];
	struct supp_rpmb d;
	uint16_t res;
	int fd;

	setup(tmp, file, &d);
	program_key(&d);
	CHECK_EQ(write_blocks(&d, 0, 1, 0, 0x11, 0), RPMB_RES_OK);
	CHECK_EQ(write_blocks(&d, 1, 1, 1, 0x22, 0), RPMB_RES_OK);
	supp_rpmb_fini(&d);

	/* "restart" */
	CHECK_EQ(supp_rpmb_init(&d, file, NULL), 0);
	CHECK_EQ(read_counter(&d, &res), 2);
	CHECK_EQ(res, RPMB_RES_OK); /* the key survived: MAC checked */
	CHECK_EQ(read_blocks(&d, 1, 1), RPMB_RES_OK);
	CHECK_EQ(rsp[RPMB_OFF_DATA + 5], 0x22);
	supp_rpmb_fini(&d);

	/* a damaged backing file is refused, not reinitialised */
	fd = open(file, O_WRONLY);
	CHECK(pwrite(fd, "XXXX", 4, 0) == 4);
	close(fd);
	CHECK_EQ(supp_rpmb_init(&d, file, NULL), 0);
	{
		struct rq r;
		uint8_t req[6] = { RPMB_CMD_GET_DEV_INFO }, info[19];

		rq_init(&r, 1, RPMB_MSG_COUNTER_READ);
		CHECK_EQ(run(&d, &r, 1), TEEC_ERROR_GENERIC);
		CHECK_EQ(supp_rpmb_request(&d, req, 6, info, 19),
			 TEEC_SUCCESS);
		CHECK_EQ(info[18], 1); /* ret_code: error */
	}
	supp_rpmb_fini(&d);
	test_rmrf(tmp);
}

TEST(supp_rpmb_malformed_frames)
{
	char tmp[256], file[300];
	struct supp_rpmb d;
	struct rq r;

	setup(tmp, file, &d);
	program_key(&d);
	/* partial frame */
	rq_init(&r, 1, RPMB_MSG_COUNTER_READ);
	CHECK_EQ(supp_rpmb_request(&d, r.b, rq_size(&r) - 1, rsp, F),
		 TEEC_ERROR_BAD_PARAMETERS);
	CHECK_EQ(supp_rpmb_request(&d, r.b, rq_size(&r), rsp, F - 1),
		 TEEC_ERROR_BAD_PARAMETERS);
	CHECK_EQ(supp_rpmb_request(&d, r.b, RPMB_REQ_HDR_SIZE, rsp, F),
		 TEEC_ERROR_BAD_PARAMETERS);
	CHECK_EQ(supp_rpmb_request(&d, r.b, rq_size(&r), rsp, 0),
		 TEEC_ERROR_BAD_PARAMETERS);
	/* counter read with two response frames / two request frames */
	CHECK_EQ(run(&d, &r, 2), TEEC_ERROR_BAD_PARAMETERS);
	rq_init(&r, 2, RPMB_MSG_COUNTER_READ);
	CHECK_EQ(run(&d, &r, 1), TEEC_ERROR_BAD_PARAMETERS);
	/* frames of different types */
	rq_init(&r, 2, RPMB_MSG_AUTH_WRITE);
	put16(frame(&r, 1) + RPMB_OFF_MSG_TYPE, RPMB_MSG_AUTH_READ);
	CHECK_EQ(run(&d, &r, 1), TEEC_ERROR_BAD_PARAMETERS);
	/* write wanting two responses; unknown message types */
	rq_init(&r, 1, RPMB_MSG_AUTH_WRITE);
	CHECK_EQ(run(&d, &r, 2), TEEC_ERROR_BAD_PARAMETERS);
	rq_init(&r, 1, 0);
	CHECK_EQ(run(&d, &r, 1), TEEC_ERROR_BAD_PARAMETERS);
	rq_init(&r, 1, 0x0100);
	CHECK_EQ(run(&d, &r, 1), TEEC_ERROR_BAD_PARAMETERS);
	rq_init(&r, 1, 6);
	CHECK_EQ(run(&d, &r, 1), TEEC_ERROR_BAD_PARAMETERS);
	CHECK_EQ(supp_rpmb_request(&d, NULL, 6, rsp, F),
		 TEEC_ERROR_BAD_PARAMETERS);
	supp_rpmb_fini(&d);
	test_rmrf(tmp);
}
