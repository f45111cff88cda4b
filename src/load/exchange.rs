//! The widget's side of the worker exchange as a state machine: each message from the worker, or
//! step of the widget's own (a chunk downloaded, the job ready), goes in; what to send, and
//! whether it has ended, comes out. The browser shell (`app::worker::reader`) only moves the
//! messages and bytes; `P` is how a payload travels there (a typed array), plain bytes here.

use super::messages::{FromWorker, Malformed, ToWorker};
use crate::format::{LoadError, Loaded, MAX_PACKAGES};
use crate::ingest::wire;
use crate::model::Package;

/// What the shell is to do.
#[derive(Debug, PartialEq)]
pub enum Action<P> {
    /// Send this message (its header, and its payload, which moves) to the worker.
    Send(Vec<u8>, Option<P>),
    /// The exchange has ended: `true` when the worker is done, `false` when it failed, gave the
    /// bytes back or said something not of the exchange.
    End(bool),
    /// A moment worth a performance mark (`worker-ready`, `first-batch`, `worker-done`).
    Mark(&'static str),
}

/// How a reading in the worker ended.
#[derive(Debug, PartialEq)]
pub enum Outcome<P> {
    /// Read (or refused: what the file is not), as the widget would have read it itself.
    Read(Box<Result<Loaded, LoadError>>),
    /// The worker gave the bytes back, for the widget to read.
    Back(P),
    /// The worker failed, or something was lost on the way.
    Failed,
}

/// What the widget's side knows so far.
#[derive(Debug)]
pub struct Exchange<P> {
    /// Told to the worker once it is ready: room for the bytes, and how to read them as they
    /// come.
    reserve: Option<ToWorker>,
    ready: bool,
    /// The job, once the bytes are in.
    job: Option<(Vec<u8>, Option<P>)>,
    /// Chunks that came before the worker was ready.
    early: Vec<P>,
    /// The packages decoded so far (`None` once a batch could not be decoded).
    packages: Option<Vec<Package>>,
    head: Option<Vec<u8>>,
    back: Option<P>,
    ended: Option<bool>,
}

impl<P> Exchange<P> {
    /// An exchange that tells the worker `reserve` once it is ready.
    pub fn new(reserve: Option<ToWorker>) -> Exchange<P> {
        Exchange {
            reserve,
            ready: false,
            job: None,
            early: Vec::new(),
            packages: Some(Vec::new()),
            head: None,
            back: None,
            ended: None,
        }
    }

    /// How it ended, if it has.
    pub fn ended(&self) -> Option<bool> {
        self.ended
    }

    fn end(&mut self, done: bool) -> Vec<Action<P>> {
        match self.ended {
            Some(_) => Vec::new(),
            None => {
                self.ended = Some(done);
                vec![Action::End(done)]
            }
        }
    }

    /// A chunk of the file as it downloads: passed on, or kept until the worker is ready.
    pub fn chunk(&mut self, chunk: P) -> Vec<Action<P>> {
        match self.ready {
            true => vec![Action::Send(ToWorker::Chunk.encode(), Some(chunk))],
            false => {
                self.early.push(chunk);
                Vec::new()
            }
        }
    }

    /// The job (its header, and the file unless it came as chunks): sent once the worker is
    /// ready.
    pub fn job(&mut self, header: Vec<u8>, payload: Option<P>) -> Vec<Action<P>> {
        self.job = Some((header, payload));
        self.send_job()
    }

    fn send_job(&mut self) -> Vec<Action<P>> {
        match (self.ready, self.job.take()) {
            (true, Some((header, payload))) => vec![Action::Send(header, payload)],
            (_, job) => {
                self.job = job;
                Vec::new()
            }
        }
    }

    /// The shell could not keep the exchange going (the worker's script failed, the widget went
    /// away).
    pub fn failed(&mut self) -> Vec<Action<P>> {
        self.end(false)
    }

    /// A message from the worker, with its payload; `bytes` reads a payload's bytes.
    pub fn on(
        &mut self,
        message: Result<FromWorker, Malformed>,
        payload: Option<P>,
        bytes: impl Fn(&P) -> Vec<u8>,
    ) -> Vec<Action<P>> {
        match message {
            Ok(FromWorker::Ready) => {
                self.ready = true;
                let mut actions = vec![Action::Mark("pantau-pbj:worker-ready")];
                if let Some(reserve) = self.reserve.take() {
                    actions.push(Action::Send(reserve.encode(), None));
                }
                for chunk in std::mem::take(&mut self.early) {
                    actions.push(Action::Send(ToWorker::Chunk.encode(), Some(chunk)));
                }
                actions.extend(self.send_job());
                actions
            }
            Ok(FromWorker::Reset) => {
                // The worker started its reading over: what it sent so far is dropped.
                if let Some(packages) = self.packages.as_mut() {
                    packages.clear();
                }
                Vec::new()
            }
            Ok(FromWorker::Expect(expected)) => {
                if let Some(packages) = self.packages.as_mut() {
                    let expected = usize::try_from(expected).unwrap_or(usize::MAX);
                    packages.reserve(expected.min(MAX_PACKAGES));
                }
                Vec::new()
            }
            Ok(FromWorker::Packages) => {
                // A batch, decoded while the worker reads on.
                let first = self.packages.as_ref().is_some_and(Vec::is_empty);
                let decoded = payload.and_then(|batch| wire::decode_packages(&bytes(&batch)));
                match (self.packages.as_mut(), decoded) {
                    (Some(packages), Some(decoded)) => packages.extend(decoded),
                    _ => self.packages = None,
                }
                match first {
                    true => vec![Action::Mark("pantau-pbj:first-batch")],
                    false => Vec::new(),
                }
            }
            Ok(FromWorker::Head) => {
                self.head = payload.map(|head| bytes(&head));
                Vec::new()
            }
            Ok(FromWorker::Done) => {
                let mut actions = vec![Action::Mark("pantau-pbj:worker-done")];
                actions.extend(self.end(true));
                actions
            }
            Ok(FromWorker::Back) => {
                self.back = payload;
                self.end(false)
            }
            // Lost, or not a message of the exchange: the widget reads the file itself.
            Ok(FromWorker::Lost) | Err(Malformed) => self.end(false),
        }
    }

    /// What the exchange gave, once it has ended: the result when the worker was done and
    /// nothing was lost on the way (every package the head counts).
    pub fn outcome(&mut self) -> Outcome<P> {
        if let Some(bytes) = self.back.take() {
            return Outcome::Back(bytes);
        }
        let head = self.head.take().and_then(|head| wire::decode_head(&head));
        match (self.ended, head, self.packages.take()) {
            (Some(true), Some(head), Some(packages)) => {
                let count = match &head {
                    wire::Head::Read { packages, .. } => *packages,
                    wire::Head::Failed(_) => 0,
                };
                match packages.len() == count {
                    true => Outcome::Read(Box::new(wire::rebuild(head, packages))),
                    false => Outcome::Failed,
                }
            }
            _ => Outcome::Failed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{read, Source};

    type Bytes = Vec<u8>;

    fn loaded() -> Result<Loaded, LoadError> {
        let csv = "nama_satker;pagu\nDinas A;100\nDinas B;250\nDinas C;7\n";
        read(Source {
            bytes: csv.as_bytes().into(),
            content_type: Some("text/csv"),
            format: None,
            address: "https://x.go.id/paket.csv",
            current_year: 2024,
        })
    }

    /// What the worker says of `result`: its packages in batches of `batch`, then the head.
    fn worker_answer(
        result: &Result<Loaded, LoadError>,
        batch: usize,
    ) -> Vec<(FromWorker, Option<Bytes>)> {
        let mut messages = vec![(FromWorker::Expect(3), None)];
        if let Ok(loaded) = result {
            for packages in loaded.dataset.packages.chunks(batch) {
                let mut bytes = Vec::new();
                wire::encode_packages(packages, &mut bytes);
                messages.push((FromWorker::Packages, Some(bytes)));
            }
        }
        messages.push((FromWorker::Head, Some(wire::encode_head(result))));
        messages.push((FromWorker::Done, None));
        messages
    }

    fn sent(actions: &[Action<Bytes>]) -> Vec<Result<ToWorker, Malformed>> {
        actions
            .iter()
            .filter_map(|action| match action {
                Action::Send(header, _) => Some(ToWorker::decode(header)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_read_result_comes_back_whole_whether_the_job_or_the_worker_is_ready_first() {
        let result = loaded();
        for job_first in [true, false] {
            let reserve = ToWorker::Reserve {
                length: 40,
                streaming: None,
            };
            let mut exchange: Exchange<Bytes> = Exchange::new(Some(reserve.clone()));
            let job = ToWorker::Job {
                described: crate::load::messages::Described {
                    content_type: Some("text/csv".into()),
                    format: None,
                    address: "x".into(),
                    current_year: 2024,
                },
                streamed: false,
            };
            let mut actions = Vec::new();
            if job_first {
                actions.extend(exchange.job(job.encode(), Some(b"file".to_vec())));
                assert!(
                    actions.is_empty(),
                    "nothing goes before the worker is ready"
                );
            }
            actions.extend(exchange.on(Ok(FromWorker::Ready), None, Clone::clone));
            if !job_first {
                actions.extend(exchange.job(job.encode(), Some(b"file".to_vec())));
            }
            assert_eq!(sent(&actions), vec![Ok(reserve), Ok(job)]);
            for (message, payload) in worker_answer(&result, 2) {
                actions.extend(exchange.on(Ok(message), payload, Clone::clone));
            }
            assert!(actions.contains(&Action::End(true)));
            assert_eq!(exchange.outcome(), Outcome::Read(Box::new(result.clone())));
        }
    }

    #[test]
    fn chunks_that_come_early_go_in_order_once_the_worker_is_ready() {
        let mut exchange: Exchange<Bytes> = Exchange::new(None);
        assert!(exchange.chunk(b"ab".to_vec()).is_empty());
        assert!(exchange.chunk(b"cd".to_vec()).is_empty());
        let actions = exchange.on(Ok(FromWorker::Ready), None, Clone::clone);
        let payloads: Vec<&[u8]> = actions
            .iter()
            .filter_map(|action| match action {
                Action::Send(_, Some(payload)) => Some(payload.as_slice()),
                _ => None,
            })
            .collect();
        assert_eq!(payloads, [b"ab".as_slice(), b"cd".as_slice()]);
        assert_eq!(exchange.chunk(b"ef".to_vec()).len(), 1);
    }

    #[test]
    fn a_lost_batch_a_restart_or_a_stranger_message_never_passes_for_a_result() {
        let result = loaded();
        // A batch missing: the head counts more packages than came.
        let mut missing: Exchange<Bytes> = Exchange::new(None);
        missing.on(Ok(FromWorker::Ready), None, Clone::clone);
        for (message, payload) in worker_answer(&result, 2)
            .into_iter()
            .filter(|(message, _)| *message != FromWorker::Packages)
            .collect::<Vec<_>>()
        {
            missing.on(Ok(message), payload, Clone::clone);
        }
        assert_eq!(missing.outcome(), Outcome::Failed);
        // A reading started over: what came before the reset is dropped, the rest counts.
        let mut restarted: Exchange<Bytes> = Exchange::new(None);
        let mut answer = worker_answer(&result, 2);
        answer.insert(2, (FromWorker::Reset, None));
        answer.insert(3, answer[1].clone());
        for (message, payload) in answer {
            restarted.on(Ok(message), payload, Clone::clone);
        }
        assert_eq!(restarted.outcome(), Outcome::Read(Box::new(result.clone())));
        // Something not of the exchange ends it; later messages change nothing.
        let mut stranger: Exchange<Bytes> = Exchange::new(None);
        assert_eq!(
            stranger.on(Err(Malformed), None, Clone::clone),
            vec![Action::End(false)]
        );
        assert!(stranger
            .on(Ok(FromWorker::Done), None, Clone::clone)
            .iter()
            .all(|action| !matches!(action, Action::End(_))));
        assert_eq!(stranger.outcome(), Outcome::Failed);
        // Bytes given back.
        let mut back: Exchange<Bytes> = Exchange::new(None);
        assert_eq!(
            back.on(Ok(FromWorker::Back), Some(b"file".to_vec()), Clone::clone),
            vec![Action::End(false)]
        );
        assert_eq!(back.outcome(), Outcome::Back(b"file".to_vec()));
        // A batch that cannot be decoded.
        let mut broken: Exchange<Bytes> = Exchange::new(None);
        let mut answer = worker_answer(&result, 2);
        answer[1].1 = Some(vec![1, 2, 3]);
        for (message, payload) in answer {
            broken.on(Ok(message), payload, Clone::clone);
        }
        assert_eq!(broken.outcome(), Outcome::Failed);
    }
}
