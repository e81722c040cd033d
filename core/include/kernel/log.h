/* The core's log on the secure-only UART. */
#ifndef KERNEL_LOG_H
#define KERNEL_LOG_H

void log_init(void);
void core_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void __attribute__((noreturn)) panic(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

#endif
