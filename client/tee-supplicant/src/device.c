/*
 * Device discovery and the request thread pool (device.h).
 */
#define _GNU_SOURCE
#include "device.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/tee.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "log.h"
#include "request.h"
#include "supp_proto.h"

/* Idle waiters kept after a burst; more end after their request. */
#define KEEP_IDLE 2u

static int try_open(const char *path, struct supp_device *dev)
{
	struct tee_ioctl_version_data v = { 0 };
	int fd = open(path, O_RDWR | O_CLOEXEC);

	if (fd < 0)
		return -errno;
	if (ioctl(fd, TEE_IOC_VERSION, &v) || v.impl_id != TEE_IMPL_ID_OPTEE ||
	    !(v.gen_caps & TEE_GEN_CAP_PRIVILEGED)) {
		close(fd);
		return -ENODEV;
	}
	dev->fd = fd;
	dev->reg_mem = v.gen_caps & TEE_GEN_CAP_REG_MEM;
	snprintf(dev->path, sizeof(dev->path), "%s", path);
	IMSG("%s: OP-TEE, gen_caps 0x%x (%s shared memory)", path, v.gen_caps,
	     dev->reg_mem ? "registered" : "driver-allocated");
	return 0;
}

int supp_device_open(const char *name, struct supp_device *dev)
{
	char path[64];
	int rc = -ENOENT;

	memset(dev, 0, sizeof(*dev));
	dev->fd = -1;
	if (name) {
		if (snprintf(path, sizeof(path), "%s%s",
			     strchr(name, '/') ? "" : "/dev/",
			     name) >= (int)sizeof(path))
			return -ENAMETOOLONG;
		return try_open(path, dev);
	}
	for (int i = 0; i < 10; i++) {
		int r;

		snprintf(path, sizeof(path), "/dev/teepriv%d", i);
		r = try_open(path, dev);
		if (!r)
			return 0;
		if (r != -ENOENT) /* report EBUSY etc. over "not there" */
			rc = r;
	}
	return rc;
}

struct pool {
	struct supp_ctx *ctx;
	int fd;
	pthread_mutex_t mutex;
	unsigned idle;
	unsigned threads;
	unsigned max;
	unsigned busy;      /* requests being served now */
	unsigned busy_high; /* most ever served at once */
};

/* Blocks for one request; 0 or -errno. */
static int recv_request(int fd, void *buf)
{
	struct tee_iocl_supp_recv_arg hdr = { .num_params = SUPP_RECV_SLOTS };
	struct tee_ioctl_param meta = { .attr = TEE_IOCTL_PARAM_ATTR_META };
	struct tee_ioctl_buf_data d = {
		.buf_ptr = (uintptr_t)buf,
		.buf_len = SUPP_ARG_SIZE,
	};

	memset(buf, 0, SUPP_ARG_SIZE);
	memcpy(buf, &hdr, sizeof(hdr));
	memcpy((uint8_t *)buf + sizeof(hdr), &meta, sizeof(meta));
	while (ioctl(fd, TEE_IOC_SUPPL_RECV, &d))
		if (errno != EINTR)
			return -errno;
	return 0;
}

static void send_reply(int fd, const struct supp_request *req, uint32_t ret,
		       void *buf)
{
	struct tee_ioctl_buf_data d = { .buf_ptr = (uintptr_t)buf };

	d.buf_len = supp_reply_encode(req, ret, buf, SUPP_ARG_SIZE);
	if (!d.buf_len)
		return;
	while (ioctl(fd, TEE_IOC_SUPPL_SEND, &d))
		if (errno != EINTR) {
			EMSG("SUPPL_SEND (%s, ret 0x%x): %s",
			     supp_cmd_name(req->func), ret, strerror(errno));
			return;
		}
}

static void *worker(void *arg);

static void spawn(struct pool *pl)
{
	pthread_attr_t attr;
	pthread_t t;
	int rc;

	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	rc = pthread_create(&t, &attr, worker, pl);
	pthread_attr_destroy(&attr);
	if (rc) {
		WMSG("cannot start a request thread: %s", strerror(rc));
		pthread_mutex_lock(&pl->mutex);
		pl->threads--;
		pthread_mutex_unlock(&pl->mutex);
	}
}

static void handle(struct pool *pl, const void *rbuf, void *sbuf)
{
	struct supp_request req;
	uint32_t ret = supp_request_decode(rbuf, SUPP_ARG_SIZE, &req);

	if (ret == SUPP_DECODE_NO_REPLY) {
		EMSG("malformed request from the driver: not answered");
		return;
	}
	if (req.kind == SUPP_REQ_FS)
		DMSG("request %s %s", supp_cmd_name(req.func),
		     supp_fs_op_name(req.u.fs.op));
	else
		DMSG("request %s (%u)", supp_cmd_name(req.func), req.func);
	if (ret == TEEC_SUCCESS)
		ret = supp_dispatch(pl->ctx, &req);
	else if (ret == TEEC_ERROR_NOT_SUPPORTED)
		IMSG("unsupported request %s (%u)", supp_cmd_name(req.func),
		     req.func);
	else
		WMSG("malformed %s request: 0x%x", supp_cmd_name(req.func),
		     ret);
	if (ret && ret != TEEC_ERROR_ITEM_NOT_FOUND)
		DMSG("%s -> 0x%x", supp_cmd_name(req.func), ret);
	send_reply(pl->fd, &req, ret, sbuf);
}

/* One thread's loop; with keep it never ends (the main thread). */
static void serve(struct pool *pl, bool keep)
{
	uint64_t rbuf[SUPP_ARG_SIZE / 8 + 1], sbuf[SUPP_ARG_SIZE / 8 + 1];

	for (;;) {
		bool more, high;
		unsigned in_flight;
		int rc;

		pthread_mutex_lock(&pl->mutex);
		pl->idle++;
		pthread_mutex_unlock(&pl->mutex);

		rc = recv_request(pl->fd, rbuf);

		pthread_mutex_lock(&pl->mutex);
		pl->idle--;
		more = !rc && !pl->idle && pl->threads < pl->max;
		if (more)
			pl->threads++;
		high = ++pl->busy > pl->busy_high && pl->busy > 1;
		if (high)
			pl->busy_high = pl->busy;
		in_flight = pl->busy;
		pthread_mutex_unlock(&pl->mutex);
		if (high)
			DMSG("%u requests in flight at once (new high)",
			     in_flight);
		if (rc) {
			/*
			 * Nothing sensible is left: a request we cannot take
			 * stays queued. Exiting makes the driver fail every
			 * queued request, and a service manager restarts us.
			 */
			EMSG("SUPPL_RECV: %s: exiting", strerror(-rc));
			exit(EXIT_FAILURE);
		}
		if (more)
			spawn(pl);
		handle(pl, rbuf, sbuf);

		pthread_mutex_lock(&pl->mutex);
		pl->busy--;
		bool surplus = !keep && pl->idle >= KEEP_IDLE;

		if (surplus)
			pl->threads--;
		pthread_mutex_unlock(&pl->mutex);
		if (surplus)
			return;
	}
}

static void *worker(void *arg)
{
	serve(arg, false);
	return NULL;
}

int supp_device_run(struct supp_ctx *ctx, const struct supp_device *dev,
		    unsigned max_threads)
{
	struct pool *pl = calloc(1, sizeof(*pl));

	if (!pl)
		return -ENOMEM;
	pl->ctx = ctx;
	pl->fd = dev->fd;
	pl->threads = 1;
	pl->max = max_threads ? max_threads : 1;
	pthread_mutex_init(&pl->mutex, NULL);
	serve(pl, true); /* does not return */
	return 0;
}
