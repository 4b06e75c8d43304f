// Read-loop floor sender (see README.md here): N connections to 127.0.0.1:PORT, each writing a
// 120-byte heartbeat every second and a 4,500-byte report every 3 s, for SECONDS.
// usage: send PORT N SECONDS
// sender: N conns; each sends a HB (hb bytes) every 1 s and a report (rep bytes) every 3 s.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <time.h>
#include <errno.h>
#include <arpa/inet.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
static long now_ms(){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec*1000L+t.tv_nsec/1000000;}
int main(int c,char**v){int port=atoi(v[1]),n=atoi(v[2]),secs=atoi(v[3]);int hb=120,rep=4500;
 int*fd=malloc(n*sizeof(int));struct sockaddr_in a={0};a.sin_family=AF_INET;a.sin_port=htons(port);a.sin_addr.s_addr=htonl(0x7f000001);
 for(int i=0;i<n;i++){fd[i]=socket(AF_INET,SOCK_STREAM,0);int one=1;setsockopt(fd[i],IPPROTO_TCP,TCP_NODELAY,&one,4);
  if(connect(fd[i],(void*)&a,sizeof a)){perror("connect");return 1;}}
 char hbuf[120],rbuf[4500];memset(hbuf,'h',hb);memset(rbuf,'r',rep);
 long start=now_ms(),last=start; long sent=0,reps=0;
 for(;;){long t=now_ms(); if(t-start>secs*1000L)break; 
  for(long m=last+1;m<=t;m++){ // each ms: conns with i%1000==m%1000 send hb; reports at phase +500 for those with (i/1000)%3==(m/1000)%3
   int slot=m%1000; for(int i=slot;i<n;i+=1000){ if(write(fd[i],hbuf,hb)!=hb){perror("w");return 1;} sent++;}
   int rslot=(m+500)%1000; int third=((m+500)/1000)%3; for(int i=rslot;i<n;i+=1000){ if((i/1000)%3==third){ if(write(fd[i],rbuf,rep)!=rep){perror("w");return 1;} reps++;}}
  }
  last=t; usleep(500);}
 fprintf(stderr,"sent hb %ld reports %ld\n",sent,reps); return 0;}
