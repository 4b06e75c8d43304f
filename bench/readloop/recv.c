// Read-loop floor receivers in C (see README.md here): lt / et (epoll) or uring (io_uring
// multishot recv, provided-buffer ring). Prints CPU microseconds per 4,860-byte report group.
// usage: recv lt|et|uring PORT N
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <time.h>
#include <errno.h>
#include <stdint.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <linux/io_uring.h>
static double now(){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec/1e9;}
static double cpu(double*u,double*s){struct rusage r;getrusage(RUSAGE_SELF,&r);*u=r.ru_utime.tv_sec+r.ru_utime.tv_usec/1e6;*s=r.ru_stime.tv_sec+r.ru_stime.tv_usec/1e6;return *u+*s;}
static long total; static double t0,u0,s0; static int reported; static double warm=10, win=20;
static void tick(){ static long b0; double t=now(); if(!t0) return; if(t-t0>=warm && !u0 && !s0){cpu(&u0,&s0);b0=total;}
 if(t-t0>=warm+win && !reported){double u,s;cpu(&u,&s);double reps=(total-b0)/4860.0; printf("reports/s %.0f  user %.1f us/rep  sys %.1f us/rep  total %.1f us/rep  (%.1f%% core)\n",reps/win,(u-u0)*1e6/reps,(s-s0)*1e6/reps,(u+s-u0-s0)*1e6/reps,(u+s-u0-s0)*100/win);fflush(stdout);reported=1; exit(0);} }
static void pause5(){struct timespec p={0,5000000};nanosleep(&p,0);}
static char buf[65536];
int main(int c,char**v){const char*mode=v[1];int port=atoi(v[2]),n=atoi(v[3]);
 int l=socket(AF_INET,SOCK_STREAM,0);int one=1;setsockopt(l,SOL_SOCKET,SO_REUSEADDR,&one,4);struct sockaddr_in a={0};a.sin_family=AF_INET;a.sin_port=htons(port);a.sin_addr.s_addr=htonl(0x7f000001);
 if(bind(l,(void*)&a,sizeof a)||listen(l,4096)){perror("bind");return 1;}
 int*fd=malloc(n*sizeof(int)); for(int i=0;i<n;i++){fd[i]=accept4(l,0,0,SOCK_NONBLOCK); if(fd[i]<0){perror("accept");return 1;}}
 fprintf(stderr,"accepted %d\n",n); t0=now();
 if(strcmp(mode,"uring")){int et=!!strstr(mode,"et"); int rcv=!!strchr(mode,'r');int ep=epoll_create1(0);
  for(int i=0;i<n;i++){struct epoll_event e={.events=EPOLLIN|(et?EPOLLET:0),.data.fd=fd[i]};epoll_ctl(ep,EPOLL_CTL_ADD,fd[i],&e);}
  struct epoll_event ev[1024];
  for(;;){int k=epoll_wait(ep,ev,1024,100);for(int j=0;j<k;j++){ssize_t r=rcv?recv(ev[j].data.fd,buf,sizeof buf,0):read(ev[j].data.fd,buf,sizeof buf); if(r>0)total+=r;}
   tick(); if(k>0&&k<256)pause5();}
 }
 // io_uring multishot recv with provided buffer ring
 struct io_uring_params p; memset(&p,0,sizeof p); p.flags=IORING_SETUP_CQSIZE|(getenv("UF")?atoi(getenv("UF")):(IORING_SETUP_SINGLE_ISSUER|IORING_SETUP_DEFER_TASKRUN)); p.cq_entries=16384;
 int ring=syscall(__NR_io_uring_setup,4096,&p); if(ring<0){perror("setup");return 1;}
 size_t sqsz=p.sq_off.array+p.sq_entries*4, cqsz=p.cq_off.cqes+p.cq_entries*sizeof(struct io_uring_cqe);
 char*sq=mmap(0,sqsz,PROT_READ|PROT_WRITE,MAP_SHARED|MAP_POPULATE,ring,IORING_OFF_SQ_RING);
 char*cq=mmap(0,cqsz,PROT_READ|PROT_WRITE,MAP_SHARED|MAP_POPULATE,ring,IORING_OFF_CQ_RING);
 struct io_uring_sqe*sqes=mmap(0,p.sq_entries*sizeof(struct io_uring_sqe),PROT_READ|PROT_WRITE,MAP_SHARED|MAP_POPULATE,ring,IORING_OFF_SQES);
 unsigned*sqtail=(unsigned*)(sq+p.sq_off.tail),*sqmask=(unsigned*)(sq+p.sq_off.ring_mask),*sqarr=(unsigned*)(sq+p.sq_off.array);
 unsigned*cqhead=(unsigned*)(cq+p.cq_off.head),*cqtail=(unsigned*)(cq+p.cq_off.tail),*cqmask=(unsigned*)(cq+p.cq_off.ring_mask);struct io_uring_cqe*cqes=(void*)(cq+p.cq_off.cqes);
 // buffer ring
 int nb=4096, bsz=16384; struct io_uring_buf_ring*br; posix_memalign((void**)&br,4096,nb*sizeof(struct io_uring_buf)); memset(br,0,nb*sizeof(struct io_uring_buf));
 char*bufs=malloc((size_t)nb*bsz);
 struct io_uring_buf_reg reg={.ring_addr=(uint64_t)br,.ring_entries=nb,.bgid=1};
 if(syscall(__NR_io_uring_register,ring,IORING_REGISTER_PBUF_RING,&reg,1)){perror("pbuf");return 1;}
 unsigned short btail=0; for(int i=0;i<nb;i++){struct io_uring_buf*b=&br->bufs[(btail)&(nb-1)];b->addr=(uint64_t)(bufs+(size_t)i*bsz);b->len=bsz;b->bid=i;btail++;} __atomic_store_n(&br->tail,btail,__ATOMIC_RELEASE);
 unsigned tail=*sqtail; int pending=0;
 #define ARM(i) do{unsigned idx=tail&*sqmask;struct io_uring_sqe*e=&sqes[idx];memset(e,0,sizeof *e);e->opcode=IORING_OP_RECV;e->fd=fd[i];e->ioprio=IORING_RECV_MULTISHOT;e->flags=IOSQE_BUFFER_SELECT;e->buf_group=1;e->user_data=i;sqarr[idx]=idx;tail++;pending++;}while(0)
 for(int i=0;i<n;i++){ARM(i); if(pending==4096){__atomic_store_n(sqtail,tail,__ATOMIC_RELEASE); syscall(__NR_io_uring_enter,ring,pending,0,0,0,0); pending=0;}}
 __atomic_store_n(sqtail,tail,__ATOMIC_RELEASE); syscall(__NR_io_uring_enter,ring,pending,0,0,0,0); pending=0;
 // Since Linux 6.13 an enter runs at most max(20, min_complete) deferred receives per pass: ask for
 // many with a zero timeout (runs all there are, returns at once), and wait only if none completed.
 struct __kernel_timespec zero={0,0}; struct io_uring_getevents_arg noWait={.ts=(uint64_t)(uintptr_t)&zero};
 for(;;){ int r=syscall(__NR_io_uring_enter,ring,pending,p.cq_entries/2,IORING_ENTER_GETEVENTS|IORING_ENTER_EXT_ARG,&noWait,sizeof noWait); pending=0; if(r<0&&errno!=EINTR&&errno!=ETIME){perror("enter");return 1;}
  if(*cqhead==__atomic_load_n(cqtail,__ATOMIC_ACQUIRE)){ r=syscall(__NR_io_uring_enter,ring,0,1,IORING_ENTER_GETEVENTS,0,0); if(r<0&&errno!=EINTR&&errno!=ETIME){perror("enter");return 1;} }
  unsigned h=*cqhead, t=__atomic_load_n(cqtail,__ATOMIC_ACQUIRE); int k=0;
  for(;h!=t;h++,k++){struct io_uring_cqe*e=&cqes[h&*cqmask]; int i=e->user_data; if(e->res>0){total+=e->res; unsigned bid=e->flags>>IORING_CQE_BUFFER_SHIFT; struct io_uring_buf*b=&br->bufs[btail&(nb-1)];b->addr=(uint64_t)(bufs+(size_t)bid*bsz);b->len=bsz;b->bid=bid;btail++;}
   if(!(e->flags&IORING_CQE_F_MORE)){ if(e->res<=0 && e->res!=-ENOBUFS){fprintf(stderr,"res %d\n",e->res);} ARM(i);} }
  __atomic_store_n(&br->tail,btail,__ATOMIC_RELEASE); __atomic_store_n(cqhead,h,__ATOMIC_RELEASE); if(pending)__atomic_store_n(sqtail,tail,__ATOMIC_RELEASE);
  tick(); if(k>0&&k<256)pause5(); }
}
