/*
 * File-backed RPMB emulation (rpmb.h). All device state changes (key, write
 * counter, data) are written to the backing file and fdatasync'ed before the
 * response says they happened.
 */
#define _GNU_SOURCE
#include "rpmb.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hmac_sha256.h"
#include "log.h"
#include "path.h"
#include "supp_proto.h"

#define FILE_MAGIC "RAMPRPMB"
#define FILE_VERSION 1u
#define FILE_FLAG_KEY 1u
/* Header fields (little-endian). */
#define HDR_OFF_VERSION 8
#define HDR_OFF_FLAGS 12
#define HDR_OFF_COUNTER 16
#define HDR_OFF_BLOCKS 20
#define HDR_OFF_KEY 24
#define HDR_USED 56

/* An emulated CID: MID 0, BGA, OID 'R', PNM "RPMBEM", rev 1.0, PSN "RAMP". */
static const uint8_t default_cid[16] = {
	0x00, 0x01, 0x52, 'R', 'P', 'M', 'B', 'E', 'M', 0x10,
	'R', 'A', 'M', 'P', 0x00, 0x01,
};

static uint16_t get_be16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static void put_be16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static uint32_t get_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static void put_be32(uint8_t *p, uint32_t v)
{
	put_be16(p, (uint16_t)(v >> 16));
	put_be16(p + 2, (uint16_t)v);
}

static uint32_t get_le32(const uint8_t *p)
{
	return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[1] << 8 | p[0];
}

static void put_le32(uint8_t *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

int supp_rpmb_init(struct supp_rpmb *r, const char *path, const uint8_t *cid)
{
	memset(r, 0, sizeof(*r));
	pthread_mutex_init(&r->mutex, NULL);
	r->fd = -1;
	memcpy(r->cid, cid ? cid : default_cid, sizeof(r->cid));
	r->path = strdup(path);
	return r->path ? 0 : -1;
}

void supp_rpmb_fini(struct supp_rpmb *r)
{
	if (r->fd >= 0)
		close(r->fd);
	free(r->path);
	pthread_mutex_destroy(&r->mutex);
	memset(r, 0, sizeof(*r));
	r->fd = -1;
}

static int pwrite_all(int fd, const void *buf, size_t len, off_t off)
{
	const uint8_t *p = buf;

	while (len) {
		ssize_t n = pwrite(fd, p, len, off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
		off += n;
	}
	return 0;
}

static int pread_all(int fd, void *buf, size_t len, off_t off)
{
	uint8_t *p = buf;

	while (len) {
		ssize_t n = pread(fd, p, len, off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
		off += n;
	}
	return 0;
}

/* Writes the header from the in-memory state (not synced). */
static int write_header(struct supp_rpmb *r)
{
	uint8_t hdr[HDR_USED] = { 0 };

	memcpy(hdr, FILE_MAGIC, 8);
	put_le32(hdr + HDR_OFF_VERSION, FILE_VERSION);
	put_le32(hdr + HDR_OFF_FLAGS, r->key_set ? FILE_FLAG_KEY : 0);
	put_le32(hdr + HDR_OFF_COUNTER, r->counter);
	put_le32(hdr + HDR_OFF_BLOCKS, RPMB_EMU_BLOCKS);
	memcpy(hdr + HDR_OFF_KEY, r->key, 32);
	return pwrite_all(r->fd, hdr, sizeof(hdr), 0);
}

static int load_header(struct supp_rpmb *r)
{
	uint8_t hdr[HDR_USED];

	if (pread_all(r->fd, hdr, sizeof(hdr), 0) ||
	    memcmp(hdr, FILE_MAGIC, 8) ||
	    get_le32(hdr + HDR_OFF_VERSION) != FILE_VERSION ||
	    get_le32(hdr + HDR_OFF_BLOCKS) != RPMB_EMU_BLOCKS)
		return -1;
	r->key_set = get_le32(hdr + HDR_OFF_FLAGS) & FILE_FLAG_KEY;
	r->counter = get_le32(hdr + HDR_OFF_COUNTER);
	memcpy(r->key, hdr + HDR_OFF_KEY, 32);
	return 0;
}

/* Opens (creating a blank device if missing) the backing file. */
static int open_backing(struct supp_rpmb *r)
{
	char dir[PATH_MAX];
	struct stat st;
	int fd;

	if (r->fd >= 0)
		return 0;
	if (strlen(r->path) >= sizeof(dir))
		return -1;
	strcpy(dir, r->path);
	if (supp_mkdir_p(dirname(dir), 0700))
		WMSG("RPMB: cannot create the directory of %s", r->path);
	fd = open(r->path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0 || fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		EMSG("RPMB: cannot open %s: %s", r->path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	r->fd = fd;
	if (st.st_size == 0) {
		r->key_set = false;
		r->counter = 0;
		memset(r->key, 0, sizeof(r->key));
		if (ftruncate(fd, RPMB_FILE_SIZE) || write_header(r) ||
		    fsync(fd))
			goto bad;
		IMSG("RPMB: new emulated device in %s", r->path);
		return 0;
	}
	if (st.st_size != RPMB_FILE_SIZE || load_header(r)) {
		EMSG("RPMB: %s is not an RPMB image of this version", r->path);
		goto bad;
	}
	IMSG("RPMB: %s (key %s, write counter %u)", r->path,
	     r->key_set ? "programmed" : "not programmed", r->counter);
	return 0;
bad:
	close(fd);
	r->fd = -1;
	return -1;
}

void supp_rpmb_mac(const uint8_t key[32], const uint8_t *frames, size_t n,
		   uint8_t mac[32])
{
	struct hmac_sha256_ctx c;

	hmac_sha256_init(&c, key, 32);
	for (size_t i = 0; i < n; i++)
		hmac_sha256_update(&c, frames + i * RPMB_FRAME_SIZE +
					       RPMB_OFF_DATA,
				   RPMB_FRAME_SIZE - RPMB_OFF_DATA);
	hmac_sha256_final(&c, mac);
}

/* MAC of n response frames into the last one's key_mac. */
static void sign(struct supp_rpmb *r, uint8_t *frames, size_t n)
{
	supp_rpmb_mac(r->key, frames, n,
		      frames + (n - 1) * RPMB_FRAME_SIZE + RPMB_OFF_KEY_MAC);
}

static uint16_t expired(const struct supp_rpmb *r)
{
	return r->counter == UINT32_MAX ? RPMB_RES_COUNTER_EXPIRED : 0;
}

static uint16_t program_key(struct supp_rpmb *r, const uint8_t *frm)
{
	if (r->key_set)
		return RPMB_RES_GENERAL_FAILURE;
	memcpy(r->key, frm + RPMB_OFF_KEY_MAC, 32);
	r->key_set = true;
	if (write_header(r) || fdatasync(r->fd)) {
		r->key_set = false;
		memset(r->key, 0, sizeof(r->key));
		return RPMB_RES_WRITE_FAILURE;
	}
	IMSG("RPMB: key programmed");
	return RPMB_RES_OK;
}

static uint16_t auth_write(struct supp_rpmb *r, const uint8_t *frames,
			   size_t n)
{
	const uint8_t *last = frames + (n - 1) * RPMB_FRAME_SIZE;
	uint16_t addr = get_be16(frames + RPMB_OFF_ADDRESS);
	uint8_t mac[32];

	if (!r->key_set)
		return RPMB_RES_KEY_NOT_PROGRAMMED;
	supp_rpmb_mac(r->key, frames, n, mac);
	if (supp_memcmp_ct(mac, last + RPMB_OFF_KEY_MAC, 32))
		return RPMB_RES_AUTH_FAILURE | expired(r);
	if (expired(r))
		return RPMB_RES_WRITE_FAILURE | expired(r);
	if (get_be32(frames + RPMB_OFF_COUNTER) != r->counter)
		return RPMB_RES_COUNTER_FAILURE;
	if ((size_t)addr + n > RPMB_EMU_BLOCKS)
		return RPMB_RES_ADDRESS_FAILURE;
	for (size_t i = 0; i < n; i++)
		if (pwrite_all(r->fd, frames + i * RPMB_FRAME_SIZE +
					      RPMB_OFF_DATA,
			       RPMB_BLOCK_SIZE,
			       RPMB_FILE_HDR_SIZE +
				       (off_t)(addr + i) * RPMB_BLOCK_SIZE))
			return RPMB_RES_WRITE_FAILURE;
	r->counter++;
	if (write_header(r) || fdatasync(r->fd)) {
		r->counter--;
		return RPMB_RES_WRITE_FAILURE;
	}
	return RPMB_RES_OK | expired(r);
}

/* The response to RESULT_READ after a key programming or write. */
static void result_frame(struct supp_rpmb *r, uint8_t *rsp)
{
	memset(rsp, 0, RPMB_FRAME_SIZE);
	put_be16(rsp + RPMB_OFF_MSG_TYPE, (uint16_t)(r->last_type << 8));
	put_be16(rsp + RPMB_OFF_RESULT, r->last_result);
	if (r->last_type != RPMB_MSG_AUTH_WRITE)
		return;
	put_be16(rsp + RPMB_OFF_ADDRESS, r->last_address);
	put_be32(rsp + RPMB_OFF_COUNTER, r->counter);
	if (r->key_set)
		sign(r, rsp, 1);
}

static void auth_read(struct supp_rpmb *r, const uint8_t *req, uint8_t *rsp,
		      size_t n)
{
	uint16_t addr = get_be16(req + RPMB_OFF_ADDRESS);
	uint16_t res = RPMB_RES_OK;

	memset(rsp, 0, n * RPMB_FRAME_SIZE);
	if (!r->key_set)
		res = RPMB_RES_KEY_NOT_PROGRAMMED;
	else if ((size_t)addr + n > RPMB_EMU_BLOCKS)
		res = RPMB_RES_ADDRESS_FAILURE;
	for (size_t i = 0; i < n && res == RPMB_RES_OK; i++)
		if (pread_all(r->fd, rsp + i * RPMB_FRAME_SIZE + RPMB_OFF_DATA,
			      RPMB_BLOCK_SIZE,
			      RPMB_FILE_HDR_SIZE +
				      (off_t)(addr + i) * RPMB_BLOCK_SIZE))
			res = RPMB_RES_READ_FAILURE;
	if (res != RPMB_RES_OK)
		memset(rsp, 0, n * RPMB_FRAME_SIZE);
	for (size_t i = 0; i < n; i++) {
		uint8_t *f = rsp + i * RPMB_FRAME_SIZE;

		memcpy(f + RPMB_OFF_NONCE, req + RPMB_OFF_NONCE, 16);
		put_be16(f + RPMB_OFF_ADDRESS, addr);
		put_be16(f + RPMB_OFF_BLOCK_COUNT, (uint16_t)n);
		put_be16(f + RPMB_OFF_RESULT, res | expired(r));
		put_be16(f + RPMB_OFF_MSG_TYPE, RPMB_MSG_AUTH_READ << 8);
	}
	if (r->key_set)
		sign(r, rsp, n);
}

static void counter_read(struct supp_rpmb *r, const uint8_t *req,
			 uint8_t *rsp)
{
	memset(rsp, 0, RPMB_FRAME_SIZE);
	memcpy(rsp + RPMB_OFF_NONCE, req + RPMB_OFF_NONCE, 16);
	put_be32(rsp + RPMB_OFF_COUNTER, r->counter);
	put_be16(rsp + RPMB_OFF_MSG_TYPE, RPMB_MSG_COUNTER_READ << 8);
	if (!r->key_set) {
		put_be16(rsp + RPMB_OFF_RESULT, RPMB_RES_KEY_NOT_PROGRAMMED);
		return;
	}
	put_be16(rsp + RPMB_OFF_RESULT, RPMB_RES_OK | expired(r));
	sign(r, rsp, 1);
}

static uint32_t data_request(struct supp_rpmb *r, const uint8_t *frames,
			     size_t nreq, uint8_t *rsp, size_t nrsp)
{
	uint16_t type = get_be16(frames + RPMB_OFF_MSG_TYPE);

	for (size_t i = 1; i < nreq; i++)
		if (get_be16(frames + i * RPMB_FRAME_SIZE +
			     RPMB_OFF_MSG_TYPE) != type)
			return TEEC_ERROR_BAD_PARAMETERS;
	/* Only AUTH_WRITE carries several request frames, AUTH_READ
	 * several response frames. */
	if ((type != RPMB_MSG_AUTH_WRITE && nreq != 1) ||
	    (type != RPMB_MSG_AUTH_READ && nrsp != 1))
		return TEEC_ERROR_BAD_PARAMETERS;
	if (type < RPMB_MSG_KEY_PROGRAM || type > RPMB_MSG_RESULT_READ)
		return TEEC_ERROR_BAD_PARAMETERS;
	if (open_backing(r))
		return TEEC_ERROR_GENERIC;

	switch (type) {
	case RPMB_MSG_KEY_PROGRAM:
		r->last_type = type;
		r->last_result = program_key(r, frames);
		result_frame(r, rsp);
		break;
	case RPMB_MSG_AUTH_WRITE:
		r->last_type = type;
		r->last_address = get_be16(frames + RPMB_OFF_ADDRESS);
		r->last_result = auth_write(r, frames, nreq);
		result_frame(r, rsp);
		if (r->last_result & ~RPMB_RES_COUNTER_EXPIRED)
			WMSG("RPMB: write of %zu block(s) at %u: result 0x%04x",
			     nreq, r->last_address, r->last_result);
		break;
	case RPMB_MSG_COUNTER_READ:
		counter_read(r, frames, rsp);
		break;
	case RPMB_MSG_AUTH_READ:
		auth_read(r, frames, rsp, nrsp);
		break;
	case RPMB_MSG_RESULT_READ:
		if (!r->last_type) {
			memset(rsp, 0, RPMB_FRAME_SIZE);
			put_be16(rsp + RPMB_OFF_RESULT,
				 RPMB_RES_GENERAL_FAILURE);
		} else {
			result_frame(r, rsp);
		}
		break;
	}
	return TEEC_SUCCESS;
}

uint32_t supp_rpmb_request(struct supp_rpmb *r, const void *req,
			   size_t req_size, void *rsp, size_t rsp_size)
{
	const uint8_t *q = req;
	uint8_t *info = rsp;
	uint16_t cmd;
	uint32_t res;

	if (!req || !rsp || req_size < RPMB_REQ_HDR_SIZE)
		return TEEC_ERROR_BAD_PARAMETERS;
	cmd = (uint16_t)(q[0] | q[1] << 8);
	if (cmd == RPMB_CMD_GET_DEV_INFO) {
		if (req_size != RPMB_REQ_HDR_SIZE ||
		    rsp_size != RPMB_DEV_INFO_SIZE)
			return TEEC_ERROR_BAD_PARAMETERS;
		pthread_mutex_lock(&r->mutex);
		memcpy(info, r->cid, 16);
		info[16] = RPMB_EMU_SIZE_MULT;
		info[17] = RPMB_EMU_REL_WR_SEC_C;
		info[18] = open_backing(r) ? 1 : 0; /* ret_code */
		pthread_mutex_unlock(&r->mutex);
		return TEEC_SUCCESS;
	}
	if (cmd != RPMB_CMD_DATA_REQ)
		return TEEC_ERROR_BAD_PARAMETERS;
	req_size -= RPMB_REQ_HDR_SIZE;
	if (!req_size || req_size % RPMB_FRAME_SIZE || !rsp_size ||
	    rsp_size % RPMB_FRAME_SIZE ||
	    req_size / RPMB_FRAME_SIZE > RPMB_EMU_BLOCKS ||
	    rsp_size / RPMB_FRAME_SIZE > RPMB_EMU_BLOCKS)
		return TEEC_ERROR_BAD_PARAMETERS;
	pthread_mutex_lock(&r->mutex);
	res = data_request(r, q + RPMB_REQ_HDR_SIZE,
			   req_size / RPMB_FRAME_SIZE, rsp,
			   rsp_size / RPMB_FRAME_SIZE);
	pthread_mutex_unlock(&r->mutex);
	return res;
}
